package com.allocar.platform.api;

import com.allocar.platform.errors.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Completes the generated document once, for every operation: the error envelope schema (with the
 * catalogue's codes as an enum) on every 4xx/5xx answer, and the answers every route can give
 * (401 on secured routes, 413 payload_too_large where a body is taken, 429 rate_limited, 500 internal_error), so
 * integrators need not look for them.
 */
public class ApiDocumentFilter implements OASFilter {
    static final String ERROR_SCHEMA = "ErrorEnvelope";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSchema(ERROR_SCHEMA, errorSchema());
        openAPI.setComponents(components);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
            if (operations != null) {
                operations.values().forEach(ApiDocumentFilter::complete);
            }
        }
    }

    private static void complete(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            addIfMissing(operation, "401", "auth_required: no token, or an invalid, expired or revoked one");
        }
        if (operation.getRequestBody() != null) {
            addIfMissing(operation, "413", "payload_too_large: the body is over 1 MiB (64 KiB on webhooks)");
        }
        addIfMissing(operation, "429", "rate_limited: too many requests; see Retry-After");
        addIfMissing(operation, "500", "internal_error: logged with the request id");
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(errorContent());
            }
        });
    }

    private static void addIfMissing(Operation operation, String status, String description) {
        if (!operation.getResponses().hasAPIResponse(status)) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content errorContent() {
        return OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + ERROR_SCHEMA)));
    }

    private static Schema errorSchema() {
        List<Object> codes = Arrays.stream(ErrorCode.values()).map(code -> (Object) code.name()).toList();
        Schema error = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(codes)
                        .description("Stable code from the catalogue (docs/errors.md)"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("details", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .description("Machine-readable context; validation_error puts one entry per field in `fields`"))
                .required(List.of("code", "message", "details"));
        Schema meta = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("request_id", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("Every failure: {error: {code, message, details}, meta: {request_id}}")
                .addProperty("error", error).addProperty("meta", meta).required(List.of("error"));
    }
}
