package com.allocar.referrals;

import com.allocar.identity.RegisterRequest;
import com.allocar.identity.UserDevices;
import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Entering a friend's referral code after sign-up (REF-1). */
@Path("/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Referrals", description = "Invite friends: both get a wallet bonus after the friend's first ride")
public class ReferralResource {
    @Inject
    ReferralService referrals;
    @Inject
    Caller caller;

    /** The code a user enters. */
    @Schema(name = "UseReferralRequest")
    public record UseRequest(@NotNull @Pattern(regexp = RegisterRequest.REFERRAL_CODE,
            message = "must be 4 to 16 letters or digits") String referralCode) {
    }

    @POST
    @Path("/use")
    @Operation(operationId = "useReferralCode", summary = "Enter a friend's referral code",
            description = "Once per user, within referrals.use_days (7) of sign-up and before a first completed ride; "
                    + "not one's own code, not the code of someone this user referred, not between two accounts used "
                    + "on one app install (X-Device-Id, required). After the user's first completed ride (as "
                    + "passenger or driver, with someone other than the referrer) both get their bonus in the wallet "
                    + "as a promo credit, spendable at once, withdrawable after referrals.bonus_hold_days.")
    @APIResponse(responseCode = "201", description = "The referral, pending until the first ride",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "400", description = "validation_error: referral_code unknown or malformed; "
            + "X-Device-Id missing or malformed")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "409", description = "conflict: details.reason already_referred, own_code, mutual, "
            + "same_device, window_closed or already_rode")
    public Response use(@Valid @NotNull UseRequest request,
                        @Parameter(description = "The app install's id (8 to 128 of A-Z a-z 0-9 . _ : -), stored "
                                + "only as an HMAC") @HeaderParam(UserDevices.HEADER) String deviceId) {
        return Response.status(Response.Status.CREATED)
                .entity(Envelope.of(referrals.use(caller.userId(), request.referralCode(), deviceId))).build();
    }
}
