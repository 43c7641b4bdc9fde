package com.allocar.identity;

import com.allocar.platform.api.Envelope;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /auth/social/{provider}}: sign in with a Google or Apple ID token (AUTH-5). */
@Path("/auth/social")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
public class SocialSignInResource {
    @Inject
    UserDevices devices;
    @Inject
    SocialSignInService social;

    @POST
    @Path("/{provider}")
    @Operation(operationId = "signInWithProvider",
            summary = "Sign in with a Google or Apple ID token; creates the account on first use",
            description = "The ID token must be signed (RS256) by the provider, issued for one of our client ids, "
                    + "unexpired, and carry an email address the provider verified. The account with that address "
                    + "(any letter case) is signed in; otherwise a new account is created with the address verified "
                    + "and no password, named from the token or from first_name/last_name (Apple gives the app the "
                    + "name on the first authorisation only). Answers like /auth/login.")
    @Parameter(name = "provider", in = ParameterIn.PATH, required = true, description = "The identity provider",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"google", "apple"}))
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "400", description = "validation_error: no id_token, name too long")
    @APIResponse(responseCode = "401", description = "auth_required: the ID token is not valid (signature, issuer, "
            + "audience, expiry, algorithm)")
    @APIResponse(responseCode = "403", description = "forbidden: details.reason email_missing, email_unverified "
            + "(by the provider) or suspended")
    @APIResponse(responseCode = "404", description = "not_found: unknown provider, or a provider not enabled here")
    @APIResponse(responseCode = "409", description = "conflict: the address belongs to an account with a verified "
            + "phone number that never verified the address (details.reason email_unverified_on_account)")
    @APIResponse(responseCode = "429", description = "rate_limited (sign-in budget per address)")
    @APIResponse(responseCode = "503", description = "service_unavailable: the provider's keys cannot be fetched")
    public Envelope<SignedIn> signIn(@PathParam("provider") String provider,
                                     @Valid @NotNull SocialSignInRequest request,
                                     @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
                                     @Parameter(description = AuthResource.DEVICE_ID)
                                     @HeaderParam(UserDevices.HEADER) String deviceId) {
        SignedIn signedIn = social.signIn(provider, request, userAgent);
        devices.seen(signedIn.user().id(), deviceId);
        return Envelope.of(signedIn);
    }
}
