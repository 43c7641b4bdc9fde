package com.allocar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.platform.security.ResourceRoutes;
import com.allocar.testsupport.ApiContract;
import com.allocar.testsupport.OpenApiLint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * API-10: the document describes every operation the way integrators need it, in the names the API uses, and is
 * the contract the integration tests hold every answer to ({@link ApiContract}).
 */
class OpenApiDocumentIT {
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private static JsonNode document() {
        return ApiContract.served().document();
    }

    /** Each operation of the document as "METHOD /path" → its node. */
    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new HashMap<>();
        document().path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
            }
        }));
        return operations;
    }

    @Test
    void everyOperationIsDescribedWithItsErrors() {
        List<String> problems = new ArrayList<>();
        operations().forEach((name, operation) -> {
            if (operation.path("summary").asString("").isBlank()) {
                problems.add(name + ": no summary");
            }
            if (!operation.has("tags")) {
                problems.add(name + ": no tag");
            }
            JsonNode responses = operation.path("responses");
            if (responses.propertyNames().stream().noneMatch(code -> code.startsWith("2"))) {
                problems.add(name + ": no success response");
            }
            responses.properties().forEach(response -> {
                if ((response.getKey().startsWith("4") || response.getKey().startsWith("5"))
                        && !response.getValue().toString().contains("#/components/schemas/ErrorEnvelope")) {
                    problems.add(name + ": " + response.getKey() + " without the error envelope");
                }
            });
            for (String status : List.of("401", "429", "500")) {
                if (!responses.has(status)) {
                    problems.add(name + ": " + status + " missing");
                }
            }
            if (!operation.path("security").isEmpty() && !responses.has("403")) {
                problems.add(name + ": secured but no 403");
            }
        });
        assertThat(problems).isEmpty();
        assertThat(document().path("paths").has("/api/v1/_probes/validated")).isFalse();
    }

    @Test
    void everyOperationHasItsOwnCamelCaseOperationId() {
        Map<String, String> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        operations().forEach((name, operation) -> {
            String id = operation.path("operationId").asString("");
            if (!id.matches("[a-z][a-zA-Z0-9]*")) {
                problems.add(name + ": operationId '" + id + "' is missing or not camelCase: add "
                        + "@Operation(operationId = \"verbNoun\", …) to the resource method");
            } else if (seen.put(id, name) != null) {
                problems.add(name + ": operationId '" + id + "' is also used by " + seen.get(id));
            }
        });
        assertThat(problems).isEmpty();
    }

    /**
     * The document's security is the server's: a route that needs no token (AuthenticationFilter's rule, from
     * {@code @PermitAll} / {@code @RolesAllowed}) says {@code security: []}, every other one asks for the bearer
     * token; and an {@code @Idempotent} method documents the Idempotency-Key header.
     */
    @Test
    void securityAndIdempotencyAreTheServersOwn() {
        Map<String, JsonNode> operations = operations();
        List<String> problems = new ArrayList<>();
        for (ResourceRoutes.Route route : ResourceRoutes.all()) {
            JsonNode operation = operations.remove(route.name());
            if (route.hidden()) {
                if (operation != null) {
                    problems.add(route.name() + " (" + route.javaMethod() + "): hidden but documented");
                }
                continue;
            }
            if (operation == null) {
                problems.add(route.name() + " (" + route.javaMethod() + "): served but not in the document");
                continue;
            }
            JsonNode security = operation.path("security");
            if (!route.secured() && !(security.isArray() && security.isEmpty())) {
                problems.add(route.name() + " (" + route.javaMethod() + "): public route without `security: []` "
                        + "(found " + security + "); remove its @SecurityRequirement");
            }
            if (route.secured() && !security.toString().equals("[{\"bearer\":[]}]")) {
                problems.add(route.name() + " (" + route.javaMethod() + "): needs a token but the document says "
                        + security + "; add @SecurityRequirement(name = AlloCarApplication.BEARER)");
            }
            boolean documentsKey = operation.path("parameters").toString()
                    .contains("#/components/parameters/IdempotencyKey");
            if (route.idempotent() != documentsKey) {
                problems.add(route.name() + " (" + route.javaMethod() + "): @Idempotent is " + route.idempotent()
                        + " but the Idempotency-Key parameter is " + (documentsKey ? "" : "not ") + "documented; "
                        + "@Idempotent methods carry @Parameter(ref = ApiDocumentFilter.IDEMPOTENCY_KEY)");
            }
        }
        operations.keySet().forEach(name -> problems.add(name + ": documented but no resource method serves it"));
        assertThat(problems).isEmpty();
    }

    @Test
    void lintCleanWithRedoclyAndSpectral() {
        ApiContract.served();
        assertThat(OpenApiLint.problems(Path.of("target", "openapi.json"))).isEmpty();
    }

    @Test
    void schemasUseTheWireNames() {
        JsonNode schemas = document().path("components").path("schemas");
        List<String> camel = new ArrayList<>();
        schemas.properties().forEach(schema -> schema.getValue().path("properties").propertyNames().stream()
                .filter(property -> !property.equals(property.toLowerCase()))
                .forEach(property -> camel.add(schema.getKey() + "." + property)));
        assertThat(camel).isEmpty();
        assertThat(schemas.path("ErrorEnvelope").toString()).contains("idempotency_conflict", "validation_error");
    }
}
