package com.allocar.testsupport;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document as a contract for every answer the integration tests receive (API-10): the route and
 * method must be an operation of the document, the status one of its responses, and a JSON body must match the
 * response's schema (OpenAPI 3.1 dialect, through networknt json-schema-validator). Paths outside
 * {@value #API_ROOT}, the conformance probes (hidden from the document) and CORS preflights are not checked. An
 * answer to a route the document does not know is accepted only as a refusal (4xx/5xx) in the error envelope.
 */
public final class ApiContract {
    static final String API_ROOT = "/api/v1";
    private static final String PROBES = API_ROOT + "/_probes";
    private static final String DOCUMENT_URI = "https://api.allocar.test/openapi.json";
    private static final String ERROR_SCHEMA = "#/components/schemas/ErrorEnvelope";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static volatile ApiContract served;

    private final JsonNode document;
    private final List<Route> routes = new ArrayList<>();
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** A path template of the document, matched segment by segment ({@code {name}} matches one segment). */
    private record Route(String template, Pattern pattern, int literalSegments, JsonNode item) {
    }

    public ApiContract(String documentJson) {
        this.document = JSON.readTree(documentJson);
        document.path("paths").properties().forEach(entry -> routes.add(route(entry.getKey(), entry.getValue())));
        // A template with more literal segments wins, as in JAX-RS: /trips/search before /trips/{id}.
        routes.sort(Comparator.comparingInt(Route::literalSegments).reversed());
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(DOCUMENT_URI, documentJson))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** The document the server under test serves, fetched once per test JVM and kept in target/openapi.json. */
    public static ApiContract served() {
        ApiContract contract = served;
        if (contract == null) {
            synchronized (ApiContract.class) {
                if (served == null) {
                    served = new ApiContract(fetchServedDocument());
                }
                contract = served;
            }
        }
        return contract;
    }

    public JsonNode document() {
        return document;
    }

    private static String fetchServedDocument() {
        ItServer.awaitReady();
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(URI.create(ItServer.baseUrl() + "/api/docs"))
                            .header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/docs answered " + response.statusCode());
            }
            Path copy = Path.of("target", "openapi.json");
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, response.body());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET /api/docs failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching /api/docs", e);
        }
    }

    /** Throws an {@link AssertionError} naming the operation, status and schema paths if the answer breaks the document. */
    public void assertConforms(String method, String path, int status, String contentType, byte[] body) {
        List<String> problems = violations(method, path, status, contentType, body);
        if (!problems.isEmpty()) {
            String text = new String(body, StandardCharsets.UTF_8);
            throw new AssertionError("The answer breaks the OpenAPI document (/api/docs) — fix the annotations of the "
                    + "operation (or ApiDocumentFilter for errors every operation can give), not the check:\n  "
                    + String.join("\n  ", problems)
                    + "\n  body: " + (text.length() > 600 ? text.substring(0, 600) + "…" : text));
        }
    }

    /** What is wrong with this answer; empty when the document describes it (or the path is not the API's). */
    public List<String> violations(String method, String path, int status, String contentType, byte[] body) {
        // CORS preflights (OPTIONS) are answered by a servlet filter for any path, not by an operation.
        if (!path.startsWith(API_ROOT + "/") || path.startsWith(PROBES + "/") || path.equals(PROBES)
                || method.equalsIgnoreCase("OPTIONS")) {
            return List.of();
        }
        String verb = method.toLowerCase(Locale.ROOT);
        String request = method.toUpperCase(Locale.ROOT) + " " + path + " → " + status;
        Optional<Route> route = routes.stream()
                .filter(candidate -> candidate.pattern().matcher(path).matches() && candidate.item().has(verb))
                .findFirst();
        if (route.isEmpty()) {
            // A refusal of a route or method nobody serves (404, 405, or a limit before routing): the error envelope.
            if (status >= 400) {
                return checkBody(request, ERROR_SCHEMA, contentType, body);
            }
            return List.of(request + ": no operation " + method.toUpperCase(Locale.ROOT) + " in the document matches "
                    + path + "; document the endpoint (or hide it, like the probes)");
        }
        JsonNode operation = route.get().item().get(verb);
        String pointer = "/paths/" + escape(route.get().template()) + "/" + verb;
        String name = operation.path("operationId").asString("(no operationId)")
                + " (" + method.toUpperCase(Locale.ROOT) + " " + route.get().template() + ")";
        JsonNode responses = operation.path("responses");
        String key = responses.has(String.valueOf(status)) ? String.valueOf(status)
                : responses.has(status / 100 + "XX") ? status / 100 + "XX"
                : responses.has("default") ? "default" : null;
        if (key == null) {
            List<String> documented = new ArrayList<>();
            responses.propertyNames().forEach(documented::add);
            return List.of(request + ": status " + status + " is not documented for " + name
                    + "; documented: " + documented);
        }
        JsonNode response = responses.get(key);
        if (response.has("$ref")) {
            return List.of(request + ": response references (" + response.get("$ref").asString()
                    + ") are not supported here");
        }
        return checkContent(request + " [" + name + ", response " + key + "]", pointer + "/responses/" + escape(key),
                response.path("content"), contentType, body);
    }

    private List<String> checkContent(String where, String pointer, JsonNode content, String contentType, byte[] body) {
        if (content.isMissingNode() || content.isEmpty()) {
            return body.length == 0 ? List.of() : List.of(where + ": a body was sent but the document describes none");
        }
        String mediaType = mediaType(contentType);
        String documented = null;
        for (String candidate : content.propertyNames()) {
            if (matches(candidate, mediaType)) {
                documented = candidate;
                break;
            }
        }
        if (documented == null) {
            return List.of(where + ": content type " + (mediaType.isEmpty() ? "(none)" : mediaType)
                    + " is not documented; documented: " + content.propertyNames());
        }
        JsonNode schema = content.get(documented).path("schema");
        if (schema.isMissingNode() || !isJson(mediaType)) {
            return List.of();
        }
        return checkBody(where, "#" + pointer + "/content/" + escape(documented) + "/schema", contentType, body);
    }

    private List<String> checkBody(String where, String schemaPointer, String contentType, byte[] body) {
        if (!isJson(mediaType(contentType))) {
            return List.of(where + ": expected application/json, got " + contentType);
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (JacksonException e) {
            return List.of(where + ": the body is not JSON: " + e.getOriginalMessage());
        }
        if (instance == null || instance.isMissingNode()) {
            return List.of(where + ": empty body, the document describes a JSON body (" + schemaPointer + ")");
        }
        Schema schema = schemas.computeIfAbsent(schemaPointer,
                pointer -> registry.getSchema(SchemaLocation.of(DOCUMENT_URI + pointer)));
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(instance)) {
            problems.add(where + ": " + error.getInstanceLocation() + ": " + error.getMessage()
                    + " (schema " + error.getSchemaLocation() + ")");
        }
        return problems;
    }

    private static Route route(String template, JsonNode item) {
        StringBuilder regex = new StringBuilder();
        int literal = 0;
        for (String segment : template.split("/", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            regex.append('/');
            if (segment.startsWith("{") && segment.endsWith("}")) {
                regex.append("[^/]+");
            } else {
                regex.append(Pattern.quote(segment));
                literal++;
            }
        }
        return new Route(template, Pattern.compile(regex + "/?"), literal, item);
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean matches(String documented, String actual) {
        String range = documented.toLowerCase(Locale.ROOT);
        return range.equals(actual) || range.equals("*/*")
                || range.endsWith("/*") && actual.startsWith(range.substring(0, range.length() - 1));
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** JSON Pointer escaping (RFC 6901) of one token, then URI-fragment encoding of what a fragment cannot hold. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
    }
}
