package com.allocar.payments;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.ApiDocumentFilter;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.idempotency.Idempotent;
import com.allocar.platform.security.Caller;
import com.allocar.wallet.TopupRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Wallet top-ups (WAL-1) through a provider; the wallet is credited when the provider's webhook confirms. A payment
 * flow, so it lives in payments (which may use wallet; wallet never uses payments).
 */
@Path("/wallet/topup")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@Tag(name = "Wallet")
public class WalletTopupResource {
    @Inject
    PaymentFlow flow;
    @Inject
    Caller caller;

    @POST
    @Idempotent
    @Parameter(ref = ApiDocumentFilter.IDEMPOTENCY_KEY)
    @SecurityRequirement(name = AlloCarApplication.BEARER)
    @Operation(operationId = "topUpWallet",
            summary = "Top up my wallet", description = "Opens a payment (purpose topup) with the provider, answered "
            + "like POST /payments/init; the balance is credited once the provider confirms it (webhook). Accepts "
            + "Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The top-up payment and where to send the payer",
            content = @Content(schema = @Schema(implementation = PaymentStarted.class)))
    @APIResponse(responseCode = "400", description = "validation_error: amount outside 100..2,000,000 XOF, bad method")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "402", description = "payment_failed: the provider refused")
    @APIResponse(responseCode = "403", description = "forbidden: wallet turned off (details.setting)")
    @APIResponse(responseCode = "422", description = "idempotency_conflict")
    @APIResponse(responseCode = "429", description = "rate_limited: 3 failed card payments in 24 h")
    @APIResponse(responseCode = "503", description = "service_unavailable: provider down or not configured")
    public Response topUp(@Valid @NotNull TopupRequest request, @Context UriInfo uri) {
        PaymentFlow.Started started = flow.topUp(caller.userId(), request.amount(), PaymentMethod.valueOf(request.method()));
        return Response.created(uri.getBaseUriBuilder().path("payments")
                        .path(started.answer().payment().id().toString()).build())
                .entity(Envelope.of(started.answer())).build();
    }
}
