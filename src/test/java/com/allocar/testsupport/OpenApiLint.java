package com.allocar.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redocly CLI (recommended rules) and Spectral ({@code spectral:oas}) over an OpenAPI document, with the versions
 * and rule settings pinned in tools/openapi-lint (installed there by scripts/test with {@code npm ci}). Errors and
 * warnings of either both count: the document is the API's contract.
 */
public final class OpenApiLint {
    private static final Path TOOLS = Path.of("tools", "openapi-lint").toAbsolutePath();

    private OpenApiLint() {
    }

    /** One line per problem: linter, rule, where, what. Empty when both linters are satisfied. */
    public static List<String> problems(Path document) {
        String file = document.toAbsolutePath().toString();
        // Both at once: each spends most of its time starting Node.
        Run redocly = Run.start("redocly", "lint", "--config", TOOLS.resolve("redocly.yaml").toString(),
                "--format", "json", "--max-problems", "1000", file);
        Run spectral = Run.start("spectral", "lint", "--ruleset", TOOLS.resolve(".spectral.yaml").toString(),
                "--format", "json", "--fail-severity", "hint", "--quiet", file);
        List<String> problems = new ArrayList<>();
        redocly.report().path("problems").forEach(problem -> problems.add("redocly " + problem.path("severity").asString()
                + " " + problem.path("ruleId").asString() + " at " + problem.path("location").path(0).path("pointer").asString()
                + ": " + problem.path("message").asString()));
        spectral.report().forEach(problem -> problems.add("spectral " + problem.path("code").asString() + " at "
                + String.join(".", problem.path("path").valueStream().map(JsonNode::asString).toList())
                + ": " + problem.path("message").asString()));
        return problems;
    }

    /** One linter's process, its JSON report written to a temporary file. */
    private record Run(String tool, Process process, Path output) {
        static Run start(String tool, String... arguments) {
            Path executable = TOOLS.resolve("node_modules").resolve(".bin").resolve(tool);
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException(executable + " is missing: scripts/test installs tools/openapi-lint "
                        + "(npm ci) before the tests run");
            }
            List<String> command = new ArrayList<>(List.of(executable.toString()));
            command.addAll(List.of(arguments));
            try {
                Path output = Files.createTempFile("openapi-lint-" + tool, ".json");
                ProcessBuilder builder = new ProcessBuilder(command).directory(TOOLS.toFile())
                        .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
                builder.environment().put("REDOCLY_TELEMETRY", "off");
                builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
                return new Run(tool, builder.start(), output);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        JsonNode report() {
            try {
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(tool + " did not finish within 2 minutes");
                }
                String json = Files.readString(output, StandardCharsets.UTF_8);
                Files.delete(output);
                try {
                    return JsonMapper.builder().build().readTree(json);
                } catch (RuntimeException e) {
                    throw new IllegalStateException(tool + " exited " + process.exitValue() + " without a JSON report: "
                            + json, e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
