package com.allocar.identity;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user's profile (AUTH-6). */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Profile", description = "The signed-in user's own data")
public class MeResource {
    @Inject
    ProfileService profiles;
    @Inject
    Caller caller;
    @Inject
    AuthService auth;

    @GET
    @Operation(operationId = "getMyProfile", summary = "My profile")
    @APIResponse(responseCode = "200", description = "The profile")
    @APIResponse(responseCode = "401", description = "auth_required")
    public Envelope<UserView> me() {
        return Envelope.of(profiles.view(caller.userId()));
    }

    @PATCH
    @Operation(operationId = "updateMyProfile", summary = "Change my names, gender, birthdate, preferences or language")
    @APIResponse(responseCode = "200", description = "The updated profile")
    @APIResponse(responseCode = "400", description = "validation_error")
    @APIResponse(responseCode = "401", description = "auth_required")
    public Envelope<UserView> update(@Valid @NotNull ProfileUpdate change) {
        return Envelope.of(profiles.update(caller.userId(), change));
    }

    @PUT
    @Path("/password")
    @Operation(operationId = "setMyPassword", summary = "Set a password on an account that has none",
            description = "Accounts get no password from sign-up: the first verification of a phone number or address "
                    + "removes any password given before it (whoever registered had not proved the number), and social "
                    + "sign-in sets none. The owner, signed in by the code, sets one here. An account that already has "
                    + "a password answers 409.")
    @APIResponse(responseCode = "204", description = "Password set")
    @APIResponse(responseCode = "400", description = "validation_error")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "409", description = "conflict: the account already has a password (details.reason)")
    public Response setPassword(@Valid @NotNull AuthRequests.SetPassword request) {
        auth.setPassword(caller.userId(), request.password());
        return Response.noContent().build();
    }
}
