package com.allocar.promos;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Checking a promo code on one of my bookings before paying (PROMO-1). */
@Path("/promos")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@Tag(name = "Promos", description = "Promo codes: what a code gives on a booking")
public class PromoResource {
    @Inject
    Promos promos;
    @Inject
    Caller caller;

    /** {@code POST /promos/validate}. */
    @Schema(name = "ValidatePromoRequest")
    public record ValidateRequest(
            @NotNull @Pattern(regexp = PromoAdmin.CODE_PATTERN, message = "must be 3 to 32 letters, digits, - or _")
            @Schema(description = "Case-insensitive", example = "bienvenue") String code,
            @NotNull UUID bookingId) {
    }

    @POST
    @Path("/validate")
    @SecurityRequirement(name = AlloCarApplication.BEARER)
    @Operation(operationId = "validatePromo", summary = "What a promo code gives on one of my bookings",
            description = "The booking's passenger only; the booking must be payable (accepted). Answers the fare, "
                    + "the discount and the amount to pay; reserves nothing (POST /payments/init with promo_code "
                    + "does). Codes tried per user are limited (ALLOCAR_PROMO_ATTEMPTS_PER_MIN, 10 a minute).")
    @APIResponse(responseCode = "200", description = "The discount on this booking")
    @APIResponse(responseCode = "400", description = "validation_error: code or booking_id missing or malformed")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "404", description = "not_found: no such booking of mine")
    @APIResponse(responseCode = "409", description = "conflict: the booking cannot be paid (not accepted, trip left)")
    @APIResponse(responseCode = "422", description = "promo_invalid: details.reason unknown, not_started, expired, "
            + "min_fare, not_first_ride, exhausted or per_user_limit")
    @APIResponse(responseCode = "429", description = "rate_limited: too many codes tried (details.scope promo)")
    public Envelope<PromoQuote> validate(@Valid @NotNull ValidateRequest request) {
        return Envelope.of(promos.validate(caller.userId(), request.bookingId(), request.code()));
    }
}
