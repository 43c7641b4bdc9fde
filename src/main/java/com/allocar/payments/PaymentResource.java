package com.allocar.payments;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.ApiDocumentFilter;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.idempotency.Idempotent;
import com.allocar.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Paying my bookings (PAY-1) and reading my payments. Others' payments and bookings are 404. */
@Path("/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@Tag(name = "Payments", description = "Paying bookings by Wave, Orange Money, MTN MoMo, card or wallet")
public class PaymentResource {
    @Inject
    PaymentFlow flow;
    @Inject
    PaymentService payments;
    @Inject
    Caller caller;

    @POST
    @Path("/init")
    @Idempotent
    @Parameter(ref = ApiDocumentFilter.IDEMPOTENCY_KEY)
    @SecurityRequirement(name = AlloCarApplication.BEARER)
    @Operation(operationId = "initPayment",
            summary = "Pay one of my accepted bookings", description = "The amount is the server's (the booking's "
            + "total). Provider methods open (or reuse) an attempt and answer where to send the payer; the payment "
            + "becomes paid on the provider's webhook. wallet pays at once from the balance. Accepts Idempotency-Key. "
            + "promo_code (optional): the passenger pays the fare less the code's discount (data.payment.discount; "
            + "at least 100 XOF), the platform bears it; the code is reserved for the booking until the payment is "
            + "paid (consumed) or fails (released). Retrying with the same code never reserves it twice.")
    @APIResponse(responseCode = "201", description = "A new payment attempt (wallet: paid)",
            content = @Content(schema = @Schema(implementation = PaymentStarted.class)))
    @APIResponse(responseCode = "200", description = "The booking's open attempt with this method, reused",
            content = @Content(schema = @Schema(implementation = PaymentStarted.class)))
    @APIResponse(responseCode = "400", description = "validation_error (mtn without a phone on the account)")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "402", description = "payment_failed (provider refused) or insufficient_funds (wallet)")
    @APIResponse(responseCode = "403", description = "forbidden: wallet turned off (details.setting)")
    @APIResponse(responseCode = "404", description = "not_found: no such booking of mine")
    @APIResponse(responseCode = "409", description = "conflict (booking not accepted) or booking_conflict (seats gone)")
    @APIResponse(responseCode = "422", description = "idempotency_conflict; promo_invalid (details.reason)")
    @APIResponse(responseCode = "429", description = "rate_limited: 3 failed card payments in 24 h (details.scope "
            + "card_failures), or too many promo codes tried (details.scope promo)")
    @APIResponse(responseCode = "503", description = "service_unavailable: provider down or not configured; retry is safe")
    public Response init(@Valid @NotNull InitPaymentRequest request, @Context UriInfo uri) {
        PaymentFlow.Started started = flow.payBooking(caller.userId(), request.bookingId(), request.paymentMethod(),
                request.promoCode());
        return created(started, uri);
    }

    /** 201 with Location for a new payment, 200 for a reused attempt. */
    static Response created(PaymentFlow.Started started, UriInfo uri) {
        if (!started.created()) {
            return Response.ok(Envelope.of(started.answer())).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("payments").path(started.answer().payment().id().toString())
                .build()).entity(Envelope.of(started.answer())).build();
    }

    @GET
    @SecurityRequirement(name = AlloCarApplication.BEARER)
    @Operation(operationId = "listMyPayments",
            summary = "My payments", description = "Filters: status, method, booking_id, created_at_gte/lte. Sort: "
            + "created_at, amount (default -created_at). Pagination: page, page_size.")
    @APIResponse(responseCode = "200", description = "A page of my payments")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort, bad value")
    @APIResponse(responseCode = "401", description = "auth_required")
    public Envelope<List<PaymentView>> mine(@Context UriInfo uri) {
        return Envelope.of(payments.mine(PaymentService.MINE.parse(uri.getQueryParameters())));
    }

    @GET
    @Path("/{id}")
    @SecurityRequirement(name = AlloCarApplication.BEARER)
    @Operation(operationId = "getPayment", summary = "One of my payments")
    @APIResponse(responseCode = "200", description = "The payment")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "404", description = "not_found: no such payment, or not mine")
    public Envelope<PaymentView> get(@PathParam("id") UUID id) {
        return Envelope.of(payments.get(id));
    }
}
