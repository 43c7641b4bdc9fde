package com.allocar.identity;

import com.allocar.admin.AdminAuthService;
import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.AuthRequiredException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-up, verification codes, sign-in, token refresh and sign-out (AUTH-1 … AUTH-4). */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Auth", description = "Sign-up, sign-in and tokens")
public class AuthResource {
    /** The install-id header, as OpenAPI describes it. */
    static final String DEVICE_ID = "The app install's id (e.g. ANDROID_ID, identifierForVendor), 8 to 128 of "
            + "A-Z a-z 0-9 . _ : -; stored only as an HMAC, to refuse self-referral from one phone";

    @Inject
    AuthService auth;
    @Inject
    OtpService otps;
    @Inject
    Sessions sessions;
    @Inject
    Caller caller;
    @Inject
    AuditService audit;
    @Inject
    AdminAuthService admins;

    @POST
    @Path("/register")
    @Operation(operationId = "register",
            summary = "Sign up with a phone number (code by SMS) or an email address (code by mail)")
    @APIResponse(responseCode = "201", description = "Account created, verification code sent",
            content = @Content(schema = @Schema(implementation = AuthService.Registered.class)))
    @APIResponse(responseCode = "400", description = "validation_error (also: referral_code unknown; X-Device-Id missing "
            + "with a referral code)")
    @APIResponse(responseCode = "409", description = "conflict: the phone number or address is taken; or the referral "
            + "is refused (details.reason: own_code, same_device)")
    @APIResponse(responseCode = "429", description = "rate_limited")
    public Response register(@Valid @NotNull RegisterRequest request, @Parameter(description = DEVICE_ID)
                             @HeaderParam(UserDevices.HEADER) String deviceId) {
        return Response.status(Response.Status.CREATED).entity(Envelope.of(auth.register(request, deviceId))).build();
    }

    @POST
    @Path("/otp/send")
    @Operation(operationId = "sendVerificationCode",
            summary = "Send a new verification code (at most 3 per 10 minutes and 5 per hour per phone or address)")
    @APIResponse(responseCode = "202", description = "Sent when an account exists (the answer is the same otherwise)",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "sent_to",
                    properties = @SchemaProperty(name = "sent_to", type = SchemaType.STRING,
                            description = "The phone number (masked) or the address"))))
    @APIResponse(responseCode = "429", description = "rate_limited")
    public Response sendCode(@Valid @NotNull AuthRequests.OtpSend request) {
        Target target = Target.of(request.phone(), request.email());
        return Response.accepted(Envelope.of(Map.of("sent_to", auth.resendCode(target.value, target.phone)))).build();
    }

    @POST
    @Path("/otp/verify")
    @Operation(operationId = "verifyCode", summary = "Verify a code: marks the phone or address verified and signs in",
            description = "The first verification of an account removes any password given at sign-up and ends every "
                    + "other session: whoever registered had not proved the number or address. Set a password "
                    + "afterwards with PUT /me/password.")
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "400", description = "validation_error: wrong or expired code")
    @APIResponse(responseCode = "429", description = "rate_limited: 3 wrong codes in 10 minutes")
    public Envelope<SignedIn> verifyCode(@Valid @NotNull AuthRequests.OtpVerify request,
                                         @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
                                         @Parameter(description = DEVICE_ID)
                                         @HeaderParam(UserDevices.HEADER) String deviceId) {
        Target target = Target.of(request.phone(), request.email());
        OtpService.Outcome outcome = otps.verify(target.value, request.code());
        if (outcome != OtpService.Outcome.verified) {
            throw ValidationException.field("code", outcome == OtpService.Outcome.wrong_code
                    ? "is wrong" : "has expired or was already used; ask for a new one");
        }
        return Envelope.of(auth.completeVerification(target.value, target.phone, userAgent, deviceId));
    }

    @POST
    @Path("/login")
    @Operation(operationId = "signIn", summary = "Sign in with a phone number or email address and a password")
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "401", description = "auth_required: wrong identifier or password")
    @APIResponse(responseCode = "403", description = "forbidden: unverified or suspended account")
    @APIResponse(responseCode = "429", description = "rate_limited: too many attempts from this address, or too many "
            + "failed sign-ins for this identifier (locked for ALLOCAR_SIGN_IN_LOCK_MINUTES; Retry-After)")
    public Envelope<SignedIn> login(@Valid @NotNull AuthRequests.Login request,
                                    @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
                                    @Parameter(description = DEVICE_ID)
                                    @HeaderParam(UserDevices.HEADER) String deviceId) {
        return Envelope.of(auth.login(request.identifier(), request.password(), userAgent, deviceId));
    }

    @POST
    @Path("/token/refresh")
    @Operation(operationId = "refreshTokens",
            summary = "Exchange a refresh token for new tokens; the refresh token rotates on every use",
            description = "Works for user and admin sessions alike. Presenting a refresh token that was already "
                    + "used revokes its whole session (401).")
    @APIResponse(responseCode = "200", description = "New tokens")
    @APIResponse(responseCode = "401", description = "auth_required: unknown, expired, revoked or reused token")
    public Envelope<?> refresh(@Valid @NotNull AuthRequests.Refresh request,
                               @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        Sessions.Refresh result = sessions.refresh(request.refreshToken(), userAgent);
        if (result instanceof Sessions.Rotated rotated) {
            return rotated.admin() ? Envelope.of(admins.tokensFor(rotated.subject(), rotated.next()))
                    : Envelope.of(auth.tokensFor(rotated.subject(), rotated.next()));
        }
        if (result instanceof Sessions.ReuseDetected reuse) {
            audit.record(reuse.admin() ? ActorType.admin : ActorType.user, reuse.subject(), "auth.refresh_reuse",
                    "refresh_tokens", null, Map.of("session", reuse.sessionId()));
        }
        throw new AuthRequiredException("The refresh token is not valid; sign in again.");
    }

    @POST
    @Path("/logout")
    @RolesAllowed({Caller.USER, Caller.ADMIN})
    @SecurityRequirement(name = AlloCarApplication.BEARER)
    @Operation(operationId = "signOut",
            summary = "Sign out: ends this session (its refresh and access tokens stop working)")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(responseCode = "401", description = "auth_required")
    public Response logout() {
        sessions.end(caller.sessionId().orElseThrow(() -> new AuthRequiredException("Sign in first.")));
        return Response.noContent().build();
    }

    private record Target(String value, boolean phone) {
        static Target of(String phone, String email) {
            boolean byPhone = phone != null && !phone.isBlank();
            boolean byEmail = email != null && !email.isBlank();
            if (byPhone == byEmail) {
                throw ValidationException.field("phone", "give a phone number or an email address");
            }
            return byPhone ? new Target(PhoneNumbers.normalize(phone, "phone"), true)
                    : new Target(email.trim().toLowerCase(Locale.ROOT), false);
        }
    }
}
