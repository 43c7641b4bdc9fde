package com.allocar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API-10: the document describes every operation the way integrators need it, in the names the API uses. */
class OpenApiDocumentIT {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document() {
        return Clients.anonymous().accept("application/json").get("/api/docs").jsonPath().getMap("$");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsDescribedWithItsErrors() {
        Map<String, Object> paths = (Map<String, Object>) document().get("paths");
        List<String> problems = new ArrayList<>();
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, value) -> {
            if (!(value instanceof Map<?, ?> operation) || !List.of("get", "post", "put", "patch", "delete").contains(method)) {
                return;
            }
            String name = method.toUpperCase() + " " + path;
            if (operation.get("summary") == null) {
                problems.add(name + ": no summary");
            }
            if (operation.get("tags") == null) {
                problems.add(name + ": no tag");
            }
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            if (responses == null || responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                problems.add(name + ": no success response");
                return;
            }
            responses.forEach((code, response) -> {
                if ((code.startsWith("4") || code.startsWith("5"))
                        && !String.valueOf(response).contains("#/components/schemas/ErrorEnvelope")) {
                    problems.add(name + ": " + code + " without the error envelope");
                }
            });
            if (!responses.containsKey("500") || !responses.containsKey("429")) {
                problems.add(name + ": 429/500 missing");
            }
            if (operation.get("security") != null && !responses.containsKey("401")) {
                problems.add(name + ": secured but no 401");
            }
        }));
        assertThat(problems).isEmpty();
        assertThat(paths).doesNotContainKey("/api/v1/_probes/validated");
    }

    @Test
    @SuppressWarnings("unchecked")
    void schemasUseTheWireNames() {
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document().get("components")).get("schemas");
        List<String> camel = new ArrayList<>();
        schemas.forEach((schema, body) -> {
            Object properties = ((Map<String, Object>) body).get("properties");
            if (properties instanceof Map<?, ?> map) {
                map.keySet().stream().map(String::valueOf).filter(p -> !p.equals(p.toLowerCase()))
                        .forEach(p -> camel.add(schema + "." + p));
            }
        });
        assertThat(camel).isEmpty();
        assertThat(String.valueOf(schemas.get("ErrorEnvelope"))).contains("idempotency_conflict", "validation_error");
    }
}
