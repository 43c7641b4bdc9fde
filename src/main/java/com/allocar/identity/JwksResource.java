package com.allocar.identity;

import com.allocar.platform.api.ApiDocumentFilter;
import com.allocar.platform.security.SigningKeys;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public keys of our access tokens as a JWK Set (RFC 7517). Served bare, not in the envelope, because
 * JWT libraries read this format as it is.
 */
@Path("/auth/jwks")
@Tag(name = "Auth")
public class JwksResource {
    @Inject
    SigningKeys keys;

    @GET
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "getJwks",
            summary = "Public keys that verify AlloCar access tokens (JWK Set, not enveloped)")
    @APIResponse(responseCode = "200", description = "{\"keys\": [{\"kty\": \"RSA\", \"kid\": …, \"n\": …, \"e\": …}]}",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "keys",
                    properties = @SchemaProperty(name = "keys", type = SchemaType.ARRAY, implementation = Map.class))),
            extensions = @Extension(name = ApiDocumentFilter.ENVELOPED, value = "false", parseValue = true))
    public Response jwks() {
        return Response.ok(keys.publicKeys().toString(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "public, max-age=300")
                .build();
    }
}
