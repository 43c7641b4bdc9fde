package com.allocar.payments.stripe;

import com.allocar.payments.PaymentProvider;
import com.allocar.payments.provider.Amounts;
import com.allocar.payments.provider.Checkout;
import com.allocar.payments.provider.CheckoutRequest;
import com.allocar.payments.provider.JsonFields;
import com.allocar.payments.provider.ProviderGateway;
import com.allocar.payments.provider.ProviderConfig;
import com.allocar.payments.provider.ProviderHttp;
import com.allocar.payments.provider.ProviderPage;
import com.allocar.payments.provider.ProviderPaymentRef;
import com.allocar.payments.provider.ProviderRefusedException;
import com.allocar.payments.provider.ProviderStatus;
import com.allocar.payments.provider.ProviderUnavailableException;
import com.allocar.payments.provider.RefundResult;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Stripe cards through PaymentIntents (form-encoded API, {@code Authorization: Bearer sk_…}): create with
 * {@code Idempotency-Key} = our payment id (a repeated creation returns the same PaymentIntent), status look-up
 * with the latest charge expanded (to see refunds), refund through {@code POST /v1/refunds}, cancel. The app
 * confirms the card with the {@code client_secret} ({@link Checkout#appData()}), which is never logged nor kept in
 * the raw payload.
 */
@ApplicationScoped
public class StripeGateway extends ProviderGateway {
    static final int LIST_PAGE = 100;
    private static final Logger LOG = Logger.getLogger(StripeGateway.class.getName());

    private StripeSettings settings;

    public StripeGateway() {
        super(PaymentProvider.stripe);
    }

    public StripeGateway(StripeSettings settings, HttpClient client) {
        this();
        configure(settings, client);
    }

    @PostConstruct
    void init() {
        configure(StripeSettings.from(ProviderConfig.microProfile()), ProviderHttp.newClient());
        LOG.info(() -> "stripe: " + settings);
    }

    private void configure(StripeSettings configured, HttpClient client) {
        this.settings = configured;
        connect(client, new StripeWebhookVerifier(configured));
    }

    @Override
    public boolean available() {
        return settings.available();
    }

    @Override
    public Checkout start(CheckoutRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("amount", Amounts.wire(request.amount()));
        form.put("currency", "xof");
        form.put("metadata[payment_id]", request.paymentId().toString());
        form.put("description", request.description());
        form.put("automatic_payment_methods[enabled]", "true");
        StripeIntent intent = intent("create payment intent",
                post("/v1/payment_intents", form, request.paymentId().toString()));
        Map<String, String> appData = new LinkedHashMap<>();
        appData.put("payment_intent_id", intent.id());
        if (intent.clientSecret() != null) {
            appData.put("client_secret", intent.clientSecret());
        }
        return new Checkout(PaymentProvider.stripe, intent.id(), null, null, null, intent.normalized(), null, false,
                appData, raw(intent.json()));
    }

    @Override
    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = ProviderUnavailableException.class)
    public ProviderStatus lookUp(ProviderPaymentRef ref) {
        StripeIntent intent = intent("get payment intent", authorized("/v1/payment_intents/"
                + ProviderHttp.segment(ref.providerRef()) + "?expand%5B%5D=latest_charge").GET().build());
        return status(intent);
    }

    private static ProviderStatus status(StripeIntent intent) {
        BigDecimal amount = "succeeded".equals(intent.status()) && intent.amountReceived() != null
                ? intent.amountReceived() : intent.amount();
        return new ProviderStatus(PaymentProvider.stripe, intent.normalized(), intent.status(), amount,
                intent.currency(), intent.paymentId(), intent.id(), intent.latestChargeId(), intent.lastErrorCode(),
                raw(intent.json()));
    }

    /**
     * {@code GET /v1/payment_intents?created[gte]=…&created[lt]=…&limit=100[&starting_after=…]}, latest charges
     * expanded: one page of the intents created in {@code [from, to)} (Stripe lists newest first; the cursor is the
     * last id of the page).
     */
    @Override
    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = ProviderUnavailableException.class)
    public Optional<ProviderPage> listPayments(Instant from, Instant to, String cursor) {
        String query = "/v1/payment_intents?limit=" + LIST_PAGE + "&created%5Bgte%5D=" + from.getEpochSecond()
                + "&created%5Blt%5D=" + to.getEpochSecond() + "&expand%5B%5D=data.latest_charge"
                + (cursor == null ? "" : "&starting_after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        ProviderHttp.Response response = http().send(authorized(query).GET().build());
        if (!response.successful()) {
            throw http().failure("list payment intents", response, StripeGateway::errorCode);
        }
        JsonObject list = http().json("list payment intents", response);
        List<ProviderStatus> items = new ArrayList<>();
        JsonArray data = JsonFields.array(list, "data");
        if (data != null) {
            for (JsonValue item : data) {
                if (item instanceof JsonObject json) {
                    items.add(status(StripeIntent.of(json)));
                }
            }
        }
        boolean more = list.get("has_more") == JsonValue.TRUE && !items.isEmpty();
        return Optional.of(new ProviderPage(items, more ? items.get(items.size() - 1).providerRef() : null));
    }

    /** The latest charge says whether the intent was refunded in full: {@link #lookUp} reports it. */
    @Override
    public boolean reportsRefunds() {
        return true;
    }

    /** {@code POST /v1/refunds {payment_intent, amount}} with {@code Idempotency-Key}; a failed refund is refused. */
    @Override
    public RefundResult refund(ProviderPaymentRef ref, BigDecimal amount, String idempotencyKey) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("payment_intent", ref.providerRef());
        form.put("amount", Amounts.wire(amount));
        form.put("metadata[payment_id]", ref.paymentId().toString());
        ProviderHttp.Response response = http().send(post("/v1/refunds", form, idempotencyKey));
        if (!response.successful()) {
            throw http().failure("refund", response, StripeGateway::errorCode);
        }
        JsonObject refund = http().json("refund", response);
        String status = JsonFields.string(refund, "status");
        String id = JsonFields.string(refund, "id");
        return switch (status == null ? "" : status) {
            case "succeeded" -> new RefundResult(RefundResult.Outcome.refunded, id, JsonFields.amount(refund, "amount"), null);
            case "failed", "canceled" -> throw new ProviderRefusedException(PaymentProvider.stripe, response.status(),
                    JsonFields.string(refund, "failure_reason"), "refund " + status);
            default -> new RefundResult(RefundResult.Outcome.pending, id, JsonFields.amount(refund, "amount"), null);
        };
    }

    /** {@code POST /v1/payment_intents/:id/cancel}. */
    @Override
    public boolean cancel(ProviderPaymentRef ref) {
        intent("cancel payment intent", post("/v1/payment_intents/" + ProviderHttp.segment(ref.providerRef())
                + "/cancel", Map.of(), null));
        return true;
    }

    private StripeIntent intent(String what, HttpRequest request) {
        ProviderHttp.Response response = http().send(request);
        if (!response.successful()) {
            throw http().failure(what, response, StripeGateway::errorCode);
        }
        StripeIntent intent = StripeIntent.of(http().json(what, response));
        if (intent.id() == null) {
            throw new ProviderUnavailableException(PaymentProvider.stripe, response.status(), null,
                    what + " answered without id", null);
        }
        return intent;
    }

    private HttpRequest post(String path, Map<String, String> form, String idempotencyKey) {
        HttpRequest.Builder builder = authorized(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.form(form)));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return builder.build();
    }

    private HttpRequest.Builder authorized(String pathAndQuery) {
        requireAvailable();
        HttpRequest.Builder builder = http().request(URI.create(settings.apiUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + settings.secretKey());
        if (settings.apiVersion() != null) {
            builder.header("Stripe-Version", settings.apiVersion());
        }
        return builder;
    }

    private static String raw(JsonObject intent) {
        return JsonFields.without(intent, Set.of("client_secret"));
    }

    /** Stripe's error body: {@code {"error": {"type", "code", "decline_code", "message"}}}. */
    static String errorCode(JsonObject body) {
        JsonObject error = JsonFields.object(body, "error");
        if (error == null) {
            return null;
        }
        for (String field : new String[]{"decline_code", "code", "type"}) {
            String value = JsonFields.string(error, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
