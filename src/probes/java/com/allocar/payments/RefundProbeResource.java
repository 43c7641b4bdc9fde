package com.allocar.payments;

import com.allocar.platform.api.Envelope;
import com.allocar.platform.audit.ActorType;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Conformance probe of {@link Refunds} (test WAR only; hidden from OpenAPI): refunds part of a paid payment to the
 * payer's wallet, as a dispute's resolution will, so that tests see what a refund after the ride does to the driver's
 * earnings before the disputes feature exists.
 */
@Path("/_probes/refunds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class RefundProbeResource {
    @Inject
    Refunds refunds;

    public record RefundProbe(@NotNull UUID paymentId, @NotNull @Min(1) Long amount) {
    }

    @POST
    @Transactional
    @Operation(hidden = true)
    public Response refund(@Valid @NotNull RefundProbe probe) {
        RefundOutcome outcome = refunds.refundPayment(probe.paymentId(), BigDecimal.valueOf(probe.amount()),
                RefundRoute.WALLET, "dispute_probe", ActorType.system, null);
        return Response.ok(Envelope.of(outcome)).build();
    }
}
