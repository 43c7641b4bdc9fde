package com.allocar.payments.wave;

import com.allocar.payments.PaymentProvider;
import com.allocar.payments.provider.Amounts;
import com.allocar.payments.provider.Checkout;
import com.allocar.payments.provider.CheckoutRequest;
import com.allocar.payments.provider.JsonFields;
import com.allocar.payments.provider.ProviderGateway;
import com.allocar.payments.provider.ProviderConfig;
import com.allocar.payments.provider.ProviderHttp;
import com.allocar.payments.provider.ProviderPaymentRef;
import com.allocar.payments.provider.ProviderRefusedException;
import com.allocar.payments.provider.ProviderStatus;
import com.allocar.payments.provider.ProviderUnavailableException;
import com.allocar.payments.provider.RefundResult;
import com.allocar.wallet.PayoutGateway;
import com.allocar.wallet.PayoutProvider;
import com.allocar.wallet.PayoutRefusedException;
import com.allocar.wallet.PayoutRequest;
import com.allocar.wallet.PayoutResult;
import com.allocar.wallet.PayoutUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Wave's Checkout API (the complete integration): checkout sessions with {@code client_reference} = our payment
 * id, found again by search before a second one is made; status look-up; whole-session refund; expiry; payouts
 * with an {@code idempotency-key}. {@code Authorization: Bearer WAVE_API_KEY}. Look-ups are retried (Fault
 * Tolerance, when the bean runs in the container); creations are not, they are guarded by the search and the
 * idempotency key.
 */
@ApplicationScoped
public class WaveGateway extends ProviderGateway implements PayoutGateway {
    /** An open session is reused only if it stays payable at least this long. */
    static final Duration REUSE_MARGIN = Duration.ofMinutes(2);
    private static final Logger LOG = Logger.getLogger(WaveGateway.class.getName());

    private WaveSettings settings;
    private Clock clock;

    /** For CDI: configured from the environment at start. */
    public WaveGateway() {
        super(PaymentProvider.wave);
    }

    /** For tests: a gateway with these settings and client. */
    public WaveGateway(WaveSettings settings, HttpClient client, Clock clock) {
        this();
        configure(settings, client, clock);
    }

    @PostConstruct
    void init() {
        configure(WaveSettings.from(ProviderConfig.microProfile()), ProviderHttp.newClient(), Clock.systemUTC());
        LOG.info(() -> "wave: " + settings);
    }

    private void configure(WaveSettings configured, HttpClient client, Clock usedClock) {
        this.settings = configured;
        this.clock = usedClock;
        connect(client, new WaveWebhookVerifier(configured));
    }

    @Override
    public PayoutProvider payoutProvider() {
        return PayoutProvider.wave;
    }

    @Override
    public boolean available() {
        return settings.available();
    }

    /**
     * Searches the payment's earlier sessions first: a paid one is returned as {@code succeeded} (never a second
     * charge), an open one for the same amount that stays payable {@link #REUSE_MARGIN} is reused; otherwise a
     * new session is created.
     */
    @Override
    public Checkout start(CheckoutRequest request) {
        requireAvailable();
        List<WaveSession> earlier = search(request.paymentId().toString());
        Optional<WaveSession> paid = earlier.stream().filter(WaveSession::paid).findFirst();
        if (paid.isPresent()) {
            return checkout(paid.get(), true);
        }
        Instant payableUntil = clock.instant().plus(REUSE_MARGIN);
        Optional<WaveSession> open = earlier.stream()
                .filter(s -> s.open() && Amounts.same(s.amount(), request.amount())
                        && Amounts.XOF.equals(s.currency())
                        && (s.whenExpires() == null || s.whenExpires().isAfter(payableUntil)))
                .findFirst();
        if (open.isPresent()) {
            return checkout(open.get(), true);
        }
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("amount", Amounts.wire(request.amount()))
                .add("currency", Amounts.XOF)
                .add("client_reference", request.paymentId().toString());
        addIfPresent(body, "success_url", request.returnUrl());
        addIfPresent(body, "error_url", request.cancelUrl());
        ProviderHttp.Response response = http().send(authorized("/v1/checkout/sessions")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString())).build());
        if (!response.successful()) {
            throw http().failure("create checkout session", response, WaveGateway::errorCode);
        }
        return checkout(WaveSession.of(http().json("create checkout session", response)), false);
    }

    /** Every session Wave has for {@code clientReference}, as {@code GET /v1/checkout/sessions/search} lists them. */
    List<WaveSession> search(String clientReference) {
        ProviderHttp.Response response = http().send(authorized("/v1/checkout/sessions/search?client_reference="
                + URLEncoder.encode(clientReference, StandardCharsets.UTF_8)).GET().build());
        if (!response.successful()) {
            throw http().failure("search checkout sessions", response, WaveGateway::errorCode);
        }
        JsonArray result = JsonFields.array(http().json("search checkout sessions", response), "result");
        List<WaveSession> sessions = new ArrayList<>();
        if (result != null) {
            for (JsonValue item : result) {
                if (item instanceof JsonObject session) {
                    sessions.add(WaveSession.of(session));
                }
            }
        }
        return sessions;
    }

    @Override
    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = ProviderUnavailableException.class)
    public ProviderStatus lookUp(ProviderPaymentRef ref) {
        return status(session(ref.providerRef()));
    }

    /** Every session of {@code ourReference} ({@code GET /v1/checkout/sessions/search}), for the reconciliation. */
    @Override
    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = ProviderUnavailableException.class)
    public Optional<List<ProviderStatus>> findByReference(String ourReference) {
        requireAvailable();
        return Optional.of(search(ourReference).stream().map(WaveGateway::status).toList());
    }

    private static ProviderStatus status(WaveSession session) {
        return new ProviderStatus(PaymentProvider.wave, session.status(), session.rawStatus(), session.amount(),
                session.currency(), session.clientReference(), session.id(), session.transactionId(),
                session.lastPaymentErrorCode(), session.json());
    }

    /** {@code GET /v1/checkout/sessions/:id}. */
    WaveSession session(String sessionId) {
        requireAvailable();
        ProviderHttp.Response response = http().send(authorized("/v1/checkout/sessions/" + ProviderHttp.segment(sessionId))
                .GET().build());
        if (!response.successful()) {
            throw http().failure("get checkout session", response, WaveGateway::errorCode);
        }
        return WaveSession.of(http().json("get checkout session", response));
    }

    /** Wave refunds a whole session ({@code POST /v1/checkout/sessions/:id/refund}, no body): a partial amount is unsupported. */
    @Override
    public RefundResult refund(ProviderPaymentRef ref, BigDecimal amount, String idempotencyKey) {
        if (!Amounts.same(Amounts.wholeFrancs(amount), ref.amount())) {
            return RefundResult.unsupported("Wave refunds whole checkout sessions only");
        }
        requireAvailable();
        // the refund's own id as idempotency-key: a refund re-sent after an unanswered attempt is never made twice
        ProviderHttp.Response response = http().send(authorized("/v1/checkout/sessions/"
                + ProviderHttp.segment(ref.providerRef()) + "/refund").header("idempotency-key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (!response.successful()) {
            throw http().failure("refund checkout session", response, WaveGateway::errorCode);
        }
        return new RefundResult(RefundResult.Outcome.refunded, null, ref.amount(), null);
    }

    /** {@code POST /v1/checkout/sessions/:id/expire}: the session can no longer be paid. */
    @Override
    public boolean cancel(ProviderPaymentRef ref) {
        requireAvailable();
        ProviderHttp.Response response = http().send(authorized("/v1/checkout/sessions/"
                + ProviderHttp.segment(ref.providerRef()) + "/expire").POST(HttpRequest.BodyPublishers.noBody()).build());
        if (!response.successful()) {
            throw http().failure("expire checkout session", response, WaveGateway::errorCode);
        }
        return true;
    }

    /** {@code POST /v1/payout} with {@code idempotency-key}: the same key never pays twice. */
    @Override
    public PayoutResult send(PayoutRequest request) {
        return asPayout(() -> sendPayout(request));
    }

    private PayoutResult sendPayout(PayoutRequest request) {
        requireAvailable();
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("currency", Amounts.XOF)
                .add("receive_amount", Amounts.wire(request.amount()))
                .add("mobile", request.mobile());
        addIfPresent(body, "name", request.name());
        addIfPresent(body, "client_reference", request.clientReference());
        addIfPresent(body, "payment_reason", request.reason());
        ProviderHttp.Response response = http().send(authorized("/v1/payout")
                .header("Content-Type", "application/json")
                .header("idempotency-key", request.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString())).build());
        if (!response.successful()) {
            throw http().failure("payout", response, WaveGateway::errorCode);
        }
        return payout(http().json("payout", response));
    }

    /** {@code GET /v1/payout/:id}. */
    @Override
    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = PayoutUnavailableException.class)
    public PayoutResult lookUpPayout(String providerPayoutId) {
        return asPayout(() -> getPayout(providerPayoutId));
    }

    /** The wallet's contract ({@link PayoutGateway}) speaks its own failures, not the payment providers'. */
    private static PayoutResult asPayout(Supplier<PayoutResult> call) {
        try {
            return call.get();
        } catch (ProviderRefusedException e) {
            throw new PayoutRefusedException(e.providerCode(), e.getMessage(), e);
        } catch (ProviderUnavailableException e) {
            throw new PayoutUnavailableException(e.getMessage(), e);
        }
    }

    private PayoutResult getPayout(String providerPayoutId) {
        requireAvailable();
        ProviderHttp.Response response = http().send(authorized("/v1/payout/" + ProviderHttp.segment(providerPayoutId))
                .GET().build());
        if (!response.successful()) {
            throw http().failure("get payout", response, WaveGateway::errorCode);
        }
        return payout(http().json("get payout", response));
    }

    /**
     * {@code GET /v1/payouts/search?client_reference=…} ({@code {"result": [payouts]}}): the payout made earlier for
     * our reference, the most recent when several. Empty when none.
     */
    @Override
    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = PayoutUnavailableException.class)
    public Optional<PayoutResult> findPayout(String clientReference) {
        return Optional.ofNullable(asPayout(() -> searchPayout(clientReference)));
    }

    private PayoutResult searchPayout(String clientReference) {
        requireAvailable();
        ProviderHttp.Response response = http().send(authorized("/v1/payouts/search?client_reference="
                + URLEncoder.encode(clientReference, StandardCharsets.UTF_8)).GET().build());
        if (!response.successful()) {
            throw http().failure("search payouts", response, WaveGateway::errorCode);
        }
        JsonArray result = JsonFields.array(http().json("search payouts", response), "result");
        PayoutResult found = null;
        if (result != null) {
            for (JsonValue item : result) {
                if (item instanceof JsonObject payout && clientReference.equals(JsonFields.string(payout, "client_reference"))) {
                    found = payout(payout);
                }
            }
        }
        return found;
    }

    static PayoutResult payout(JsonObject payout) {
        String status = JsonFields.string(payout, "status");
        PayoutResult.Status normalized = switch (status == null ? "" : status) {
            case "succeeded" -> PayoutResult.Status.succeeded;
            case "failed" -> PayoutResult.Status.failed;
            case "reversed" -> PayoutResult.Status.reversed;
            default -> PayoutResult.Status.processing;
        };
        JsonObject error = JsonFields.object(payout, "payout_error");
        String reason = error == null ? null
                : Optional.ofNullable(JsonFields.string(error, "error_code")).orElse(JsonFields.string(error, "code"));
        return new PayoutResult(JsonFields.string(payout, "id"), normalized, JsonFields.amount(payout, "receive_amount"),
                JsonFields.amount(payout, "fee"), reason, payout.toString());
    }

    private Checkout checkout(WaveSession session, boolean reused) {
        if (session.id() == null) {
            throw new ProviderUnavailableException(PaymentProvider.wave, 200, null, "a session without id", null);
        }
        Map<String, String> appData = new LinkedHashMap<>();
        if (session.launchUrl() != null) {
            appData.put("wave_launch_url", session.launchUrl());
        }
        return new Checkout(PaymentProvider.wave, session.id(), session.launchUrl(), null, null, session.status(),
                session.whenExpires(), reused, appData, session.json());
    }

    private HttpRequest.Builder authorized(String pathAndQuery) {
        return http().request(URI.create(settings.apiUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + settings.apiKey());
    }

    private static void addIfPresent(JsonObjectBuilder body, String name, String value) {
        if (value != null && !value.isBlank()) {
            body.add(name, value);
        }
    }

    /** Wave's error body: {@code {"code": "…", "message": "…"}}. */
    static String errorCode(JsonObject error) {
        return JsonFields.string(error, "code");
    }
}
