package com.allocar.payments.provider;

import com.allocar.payments.PaymentProvider;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.errors.ServiceUnavailableException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Conformance probe of the payment gateways as the server configures them (test WAR only, see
 * {@code ConformanceProbeResource}; hidden from OpenAPI): opens an attempt with one provider and looks it up
 * at once, so integration tests see that the deployed adapters reach their providers with the configured
 * credentials. No database, no transaction.
 */
@Path("/_probes/payment-providers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class PaymentProviderProbeResource {
    @Inject
    PaymentGateways gateways;

    public record StartProbe(@NotNull UUID paymentId, @NotNull @Min(1) @Max(10_000_000) Long amount, String payerPhone) {
    }

    public record Started(PaymentProvider provider, String providerRef, ProviderPaymentStatus status, boolean reused,
                          ProviderPaymentStatus lookedUp, Map<String, String> appData) {
    }

    @POST
    @Path("/{provider}")
    @Operation(hidden = true)
    public Envelope<Started> start(@PathParam("provider") String provider, @Valid @NotNull StartProbe probe) {
        PaymentGateway gateway;
        try {
            gateway = gateways.gateway(PaymentProvider.valueOf(provider));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No such provider.");
        }
        if (!gateway.available()) {
            throw new ServiceUnavailableException("This provider is not configured.");
        }
        BigDecimal amount = BigDecimal.valueOf(probe.amount());
        try {
            Checkout checkout = gateway.start(new CheckoutRequest(probe.paymentId(), amount, Amounts.XOF,
                    probe.payerPhone(), "AlloCar probe", "https://app.allocar.test/pay/ok",
                    "https://app.allocar.test/pay/ko"));
            ProviderStatus status = gateway.lookUp(new ProviderPaymentRef(probe.paymentId(), checkout.providerRef(), amount,
                    Amounts.XOF, checkout.payToken()));
            return Envelope.of(new Started(gateway.provider(), checkout.providerRef(), checkout.status(), checkout.reused(),
                    status.status(), checkout.appData()));
        } catch (ProviderException e) {
            throw e.toApiException();
        }
    }
}
