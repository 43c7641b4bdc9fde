package com.allocar.admin;

import com.allocar.platform.api.Envelope;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /admin/login} (ADM-1). Refresh and logout use the same /auth routes as users. */
@Path("/admin/login")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class AdminAuthResource {
    @Inject
    AdminAuthService admins;

    public record Login(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
    }

    @POST
    @Operation(operationId = "signInAdmin",
            summary = "Admin sign-in: an access token carrying the admin's role, and a refresh token")
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "401", description = "auth_required: wrong email or password, or inactive admin")
    @APIResponse(responseCode = "429", description = "rate_limited")
    public Envelope<AdminSignedIn> login(@Valid @NotNull Login request,
                                         @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        return Envelope.of(admins.login(request.email(), request.password(), userAgent));
    }
}
