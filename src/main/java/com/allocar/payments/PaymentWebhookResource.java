package com.allocar.payments;

import com.allocar.payments.provider.WebhookRequest;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.security.ProviderAuthenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The providers' webhooks (PAY-2), public: the body is read as the exact bytes received (signatures cover them),
 * never parsed before verification.
 */
@Path("/payments/webhook/{provider}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@PermitAll
@ProviderAuthenticated
@Tag(name = "Payments")
public class PaymentWebhookResource {
    @Inject
    PaymentWebhooks webhooks;

    /** The answer: always 200 once verified, with what the event did. */
    public record Received(boolean received, WebhookOutcome outcome) {
    }

    @POST
    @Operation(operationId = "receivePaymentWebhook",
            summary = "A payment provider's webhook", description = "wave (Wave-Signature, or Authorization: Bearer with "
            + "Wave's shared-secret strategy: the bearer is Wave's secret, not an AlloCar token), stripe "
            + "(Stripe-Signature), orange (notif_token, then a status look-up), mtn (callback, then a status look-up). "
            + "Each event is applied once (inbox on provider + event id); a duplicate answers 200 and changes nothing.")
    @Parameter(name = "provider", schema = @Schema(type = SchemaType.STRING, enumeration = {"wave", "orange", "mtn", "stripe"}))
    @APIResponse(responseCode = "200", description = "Received (data.outcome says what it did)")
    @APIResponse(responseCode = "401", description = "webhook_invalid_signature (details.reason)")
    @APIResponse(responseCode = "404", description = "not_found: no such provider")
    @APIResponse(responseCode = "503", description = "service_unavailable: not configured or look-up failed; retry")
    public Envelope<Received> receive(@PathParam("provider") String provider, @Context HttpHeaders headers,
                                      @Context UriInfo uri, byte[] body) {
        Map<String, String> query = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                query.put(name, values.get(0));
            }
        });
        WebhookRequest request = new WebhookRequest(headers.getRequestHeaders(), query, body == null ? new byte[0] : body);
        return Envelope.of(new Received(true, webhooks.receive(provider, request)));
    }

    /** MTN may PUT its callback. */
    @PUT
    @Operation(operationId = "receivePaymentWebhookPut",
            summary = "A payment provider's webhook (PUT, as MTN may send its callback)")
    @APIResponse(responseCode = "200", description = "Received")
    @APIResponse(responseCode = "401", description = "webhook_invalid_signature")
    public Envelope<Received> receivePut(@PathParam("provider") String provider, @Context HttpHeaders headers,
                                         @Context UriInfo uri, byte[] body) {
        return receive(provider, headers, uri, body);
    }
}
