package com.allocar.platform.api;

import com.allocar.platform.errors.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the generated document once, for every operation, so that each endpoint is described the same way
 * without repeating it in annotations (and new endpoints are described the same way too):
 * <ul>
 * <li>{@code security: []} on every operation that names no requirement: public routes say so explicitly;</li>
 * <li>the success envelope (API-3): a 2xx JSON schema that is not already an {@code Envelope…} (a method
 * returning a {@code Response} names its data, {@code @Schema(implementation = X.class)}) becomes
 * {@code {data, meta}}; a response with the extension {@value #ENVELOPED}{@code : false} is left bare;</li>
 * <li>the error envelope, with the catalogue's codes, on every 4xx/5xx answer, and the answers the platform gives
 * on any route of a kind: 400 (parameters or a body), 401, 403 (secured), 404 (path parameters), 409/422
 * (Idempotency-Key), 413 (a body), 415 (a JSON body), 429, 500;</li>
 * <li>every {@code pattern} anchored ({@code ^(?:…)$}): Bean Validation's {@code @Pattern}, which the scanner
 * copies, matches the whole value, while a JSON Schema pattern matches anywhere (the scanner's own {@code \S} for
 * {@code @NotBlank} does mean anywhere).</li>
 * </ul>
 */
public class ApiDocumentFilter implements OASFilter {
    static final String ERROR_SCHEMA = "ErrorEnvelope";
    /** The {@code Idempotency-Key} header of {@code @Idempotent} methods: {@code @Parameter(ref = IDEMPOTENCY_KEY)}. */
    public static final String IDEMPOTENCY_KEY = "IdempotencyKey";
    /** Response extension: {@code false} keeps a JSON body out of the envelope (the JWK set). */
    public static final String ENVELOPED = "x-enveloped";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PARAMETERS = "#/components/parameters/";
    private static final String JSON = "application/json";
    /** How the scanner writes {@code @NotBlank}: a non-blank character anywhere, which is meant unanchored. */
    private static final String NOT_BLANK = "\\S";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null
                ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSchema(ERROR_SCHEMA, errorSchema());
        components.addParameter(IDEMPOTENCY_KEY, OASFactory.createParameter().name("Idempotency-Key")
                .in(Parameter.In.HEADER).required(false)
                .description("Makes a retry safe (API-6): the first answer for a key is replayed for 24 h; the same "
                        + "key with another body is 422 idempotency_conflict, while the first request runs 409 "
                        + "idempotency_in_progress.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(255)
                        .pattern("^[\\x21-\\x7e]+$")));
        openAPI.setComponents(components);
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ApiDocumentFilter::anchorPatterns);
        }
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
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (!secured) {
            operation.setSecurity(new ArrayList<>());
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        parameters.forEach(parameter -> anchorPatterns(parameter.getSchema()));
        boolean body = operation.getRequestBody() != null;
        if (body || parameters.stream().anyMatch(parameter -> parameter.getIn() != Parameter.In.PATH)) {
            addIfMissing(operation, "400", "validation_error: a parameter or the body is not valid (details.fields)");
        }
        addIfMissing(operation, "401", secured ? "auth_required: no token, or an invalid, expired or revoked one"
                : "auth_required: a bearer token was sent and did not verify (this route needs none)");
        if (secured) {
            addIfMissing(operation, "403", "forbidden: this token's role may not call this operation");
        }
        if (parameters.stream().anyMatch(parameter -> parameter.getIn() == Parameter.In.PATH)) {
            addIfMissing(operation, "404", "not_found");
        }
        if (parameters.stream().anyMatch(parameter -> (PARAMETERS + IDEMPOTENCY_KEY).equals(parameter.getRef()))) {
            addIfMissing(operation, "409", "idempotency_in_progress: a request with this Idempotency-Key still runs");
            addIfMissing(operation, "422", "idempotency_conflict: this Idempotency-Key came with another request");
        }
        Content accepted = body ? operation.getRequestBody().getContent() : null;
        if (accepted != null && accepted.getMediaTypes() != null
                && accepted.getMediaTypes().keySet().equals(Set.of(JSON))) {
            addIfMissing(operation, "415", "unsupported_media_type: the body must be application/json");
        }
        if (operation.getRequestBody() != null) {
            addIfMissing(operation, "413", "payload_too_large: the body is over 1 MiB (64 KiB on webhooks)");
        }
        addIfMissing(operation, "429", "rate_limited: too many requests; see Retry-After");
        addIfMissing(operation, "500", "internal_error: logged with the request id");
        APIResponses sorted = OASFactory.createAPIResponses();
        new TreeMap<>(operation.getResponses().getAPIResponses()).forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(errorContent());
            } else if (status.startsWith("2")) {
                envelop(response);
            }
            sorted.addAPIResponse(status, response);
        });
        operation.setResponses(sorted);
    }

    /** Wraps the data schema of a JSON success into {data, meta} unless it is an envelope already or marked bare. */
    private static void envelop(APIResponse response) {
        boolean bare = response.getExtensions() != null
                && "false".equals(String.valueOf(response.getExtensions().get(ENVELOPED)));
        if (bare || response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return;
        }
        MediaType json = response.getContent().getMediaTypes().get(JSON);
        if (json == null || json.getSchema() == null) {
            return;
        }
        Schema data = json.getSchema();
        if (data.getRef() != null && data.getRef().startsWith(SCHEMAS + "Envelope")) {
            return;
        }
        json.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("data", data)
                .addProperty("meta", OASFactory.createSchema().ref(SCHEMAS + "Meta"))
                .required(List.of("data", "meta")));
    }

    private static void anchorPatterns(Schema schema) {
        if (schema == null) {
            return;
        }
        String pattern = schema.getPattern();
        if (pattern != null && !pattern.equals(NOT_BLANK) && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
            schema.setPattern("^(?:" + pattern + ")$");
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ApiDocumentFilter::anchorPatterns);
        }
        anchorPatterns(schema.getItems());
        for (List<Schema> list : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (list != null) {
                list.forEach(ApiDocumentFilter::anchorPatterns);
            }
        }
    }

    private static void addIfMissing(Operation operation, String status, String description) {
        if (!operation.getResponses().hasAPIResponse(status)) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content errorContent() {
        return OASFactory.createContent().addMediaType(JSON, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(SCHEMAS + ERROR_SCHEMA)));
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
                .addProperty("error", error).addProperty("meta", meta).required(List.of("error", "meta"));
    }
}
