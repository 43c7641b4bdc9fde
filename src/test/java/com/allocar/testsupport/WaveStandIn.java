package com.allocar.testsupport;

import com.allocar.payments.provider.TimestampedSignature;
import com.allocar.payments.wave.WaveSettings;
import com.github.tomakehurst.wiremock.http.Request;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wave's Checkout API, in memory, on WireMock ({@code ALLOCAR_IT_WAVE_PORT} under {@code scripts/test}, where the
 * server's {@code WAVE_API_URL} points; a free port otherwise). Speaks Wave's wire format: checkout sessions
 * (create, get, search by client_reference, expire, refund with {@code idempotency-key}), payouts with
 * {@code idempotency-key} and their search by client_reference, Wave's error
 * bodies ({@code {"code", "message"}}) and {@code Authorization: Bearer} checks. Tests move sessions on with
 * {@link #pay}, {@link #failPayment}, {@link #expire}, and make Wave's webhooks with {@link #webhook}, signed with
 * the webhook secret exactly as Wave signs them.
 *
 * <pre>
 * WaveStandIn wave = WaveStandIn.start();
 * … POST /payments/init → the server creates a session for our payment id …
 * String session = wave.sessionFor(paymentId).getString("id");
 * wave.pay(session);
 * SignedWebhook event = wave.webhook("checkout.session.completed", session);
 * given().headers(event.headers()).body(event.body()).post("/api/v1/payments/webhook/wave") …
 * </pre>
 */
public final class WaveStandIn extends ProviderStandIn {
    public static final String PORT_VARIABLE = "ALLOCAR_IT_WAVE_PORT";
    private static final Pattern SESSION = Pattern.compile("/v1/checkout/sessions/(cos-[a-z0-9]+)(/refund|/expire)?");
    private static final Pattern PAYOUT = Pattern.compile("/v1/payout/(pt-[a-z0-9]+)");
    private static WaveStandIn shared;

    private final String apiKey = env("WAVE_API_KEY", "wave_ci_prod_test-api-key");
    private final String webhookSecret = env("WAVE_WEBHOOK_SECRET", "wave_ci_WHS_test-webhook-secret");
    private final Map<String, Map<String, Object>> sessions = new LinkedHashMap<>();
    private final Map<String, JsonObject> payoutsByKey = new LinkedHashMap<>();
    private final Map<String, JsonObject> payoutsById = new LinkedHashMap<>();
    private final Map<String, Integer> payoutSends = new LinkedHashMap<>();
    private volatile int payoutDelayMs;
    private final Map<String, Reply> refundsByKey = new LinkedHashMap<>();
    private String nextPayoutStatus = "succeeded";
    private Duration nextLifetime;
    private int lostPayoutAnswers;

    private WaveStandIn() {
        super("wave", PORT_VARIABLE);
    }

    /** The stand-in of this JVM, started on first use. */
    public static synchronized WaveStandIn start() {
        if (shared == null) {
            shared = new WaveStandIn();
        }
        return shared;
    }

    public String apiKey() {
        return apiKey;
    }

    public String webhookSecret() {
        return webhookSecret;
    }

    /** Settings pointing an adapter at this stand-in (unit tests). */
    public WaveSettings settings() {
        return new WaveSettings(URI.create(baseUrl()), apiKey, webhookSecret, WaveSettings.WebhookStrategy.signing_secret);
    }

    @Override
    protected synchronized Reply handle(Request request, String method, String path) {
        if (!("Bearer " + apiKey).equals(request.getHeader("Authorization"))) {
            return error(401, "invalid-auth", "Invalid or missing API key");
        }
        if ("POST".equals(method) && "/v1/checkout/sessions".equals(path)) {
            return create(parseJson(request.getBodyAsString()));
        }
        if ("GET".equals(method) && "/v1/checkout/sessions/search".equals(path)) {
            String reference = request.queryParameter("client_reference").isPresent()
                    ? request.queryParameter("client_reference").firstValue() : null;
            JsonArrayBuilder result = Json.createArrayBuilder();
            sessions.values().stream().filter(s -> reference != null && reference.equals(s.get("client_reference")))
                    .forEach(s -> result.add(json(s)));
            return Reply.json(200, Json.createObjectBuilder().add("result", result).build());
        }
        if ("POST".equals(method) && "/v1/payout".equals(path)) {
            return payout(request);
        }
        if ("GET".equals(method) && "/v1/payouts/search".equals(path)) {
            String reference = request.queryParameter("client_reference").isPresent()
                    ? request.queryParameter("client_reference").firstValue() : null;
            JsonArrayBuilder result = Json.createArrayBuilder();
            payoutsById.values().stream().filter(p -> reference != null
                    && reference.equals(p.getString("client_reference", null))).forEach(result::add);
            return Reply.json(200, Json.createObjectBuilder().add("result", result).build());
        }
        Matcher payout = PAYOUT.matcher(path);
        if ("GET".equals(method) && payout.matches()) {
            JsonObject found = payoutsById.get(payout.group(1));
            return found == null ? error(404, "not-found", "No such payout") : Reply.json(200, found);
        }
        Matcher matcher = SESSION.matcher(path);
        if (!matcher.matches()) {
            return error(404, "not-found", "No such endpoint");
        }
        Map<String, Object> session = sessions.get(matcher.group(1));
        if (session == null) {
            return error(404, "checkout-session-not-found", "No checkout session with this id");
        }
        String action = matcher.group(2);
        if ("GET".equals(method) && action == null) {
            return Reply.json(200, json(session));
        }
        if ("POST".equals(method) && "/expire".equals(action)) {
            if (!"open".equals(session.get("checkout_status"))) {
                return error(409, "checkout-session-not-open", "Only open sessions can be expired");
            }
            session.put("checkout_status", "expired");
            return Reply.json(200, json(session));
        }
        if ("POST".equals(method) && "/refund".equals(action)) {
            String key = request.getHeader("idempotency-key");
            if (key != null && refundsByKey.containsKey(key)) {
                return refundsByKey.get(key);
            }
            Reply reply;
            if (!"complete".equals(session.get("checkout_status")) || !"succeeded".equals(session.get("payment_status"))
                    || session.containsKey("refunded")) {
                reply = error(409, "checkout-refund-failed", "The session cannot be refunded");
            } else {
                session.put("refunded", Boolean.TRUE);
                reply = Reply.empty(200);
            }
            if (key != null) {
                refundsByKey.put(key, reply);
            }
            return reply;
        }
        return error(405, "method-not-allowed", "Method not allowed");
    }

    private Reply create(JsonObject body) {
        if (body == null || !body.containsKey("amount") || !"XOF".equals(body.getString("currency", null))) {
            return error(400, "request-validation-error", "amount and currency XOF are required");
        }
        String amount = body.get("amount").toString().replace("\"", "");
        if (!amount.matches("[1-9][0-9]*")) {
            return error(400, "request-validation-error", "amount must be a whole number of francs");
        }
        String id = "cos-" + randomId(12);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", id);
        session.put("amount", amount);
        session.put("currency", "XOF");
        session.put("client_reference", body.getString("client_reference", null));
        session.put("success_url", body.getString("success_url", null));
        session.put("error_url", body.getString("error_url", null));
        session.put("checkout_status", "open");
        session.put("payment_status", "processing");
        session.put("business_name", "AlloCar");
        session.put("wave_launch_url", baseUrl() + "/c/" + id);
        session.put("when_created", now.toString());
        session.put("when_expires", now.plus(nextLifetime == null ? Duration.ofMinutes(30) : nextLifetime).toString());
        nextLifetime = null;
        sessions.put(id, session);
        return Reply.json(200, json(session));
    }

    private Reply payout(Request request) {
        String key = request.getHeader("idempotency-key");
        if (key == null || key.isBlank()) {
            return error(400, "missing-idempotency-key", "idempotency-key is required");
        }
        payoutSends.merge(key, 1, Integer::sum);
        JsonObject earlier = payoutsByKey.get(key);
        if (earlier != null) {
            return Reply.json(200, earlier);
        }
        JsonObject body = parseJson(request.getBodyAsString());
        if (body == null || !"XOF".equals(body.getString("currency", null)) || !body.containsKey("mobile")) {
            return error(400, "request-validation-error", "currency, receive_amount and mobile are required");
        }
        JsonObjectBuilder payout = Json.createObjectBuilder(body)
                .add("id", "pt-" + randomId(12))
                .add("fee", "0")
                .add("status", nextPayoutStatus)
                .add("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        if ("failed".equals(nextPayoutStatus)) {
            payout.add("payout_error", Json.createObjectBuilder().add("error_code", "recipient-limit-exceeded")
                    .add("error_message", "The recipient cannot receive this amount"));
        }
        JsonObject made = payout.build();
        payoutsByKey.put(key, made);
        payoutsById.put(made.getString("id"), made);
        if (lostPayoutAnswers > 0) {
            lostPayoutAnswers--;
            return error(504, "gateway-timeout", "The answer was lost on the way back");
        }
        return Reply.json(200, made);
    }

    /** The next session created expires this long after its creation (instead of 30 minutes); once. */
    public synchronized void nextSessionLifetime(Duration lifetime) {
        nextLifetime = lifetime;
    }

    /** The payouts made with this client_reference (our withdrawal id). */
    public synchronized List<JsonObject> payoutsFor(String clientReference) {
        return payoutsById.values().stream().filter(p -> clientReference.equals(p.getString("client_reference", null)))
                .toList();
    }

    /** How many times a payout was asked for with this idempotency key (the payouts made stay one per key). */
    public synchronized int payoutSends(String idempotencyKey) {
        return payoutSends.getOrDefault(idempotencyKey, 0);
    }

    /** The payouts made to this mobile number, whatever their key or reference. */
    public synchronized List<JsonObject> payoutsTo(String mobile) {
        return payoutsById.values().stream().filter(p -> mobile.equals(p.getString("mobile", null))).toList();
    }

    /** Each payout request waits this long before it is answered (0: at once), to catch a run in the middle. */
    public synchronized void payoutDelay(int millis) {
        payoutDelayMs = millis;
    }

    @Override
    protected int delayFor(String method, String path) {
        return "POST".equals(method) && "/v1/payout".equals(path) ? payoutDelayMs : 0;
    }

    /** The next payout is made, but its answer is lost (504): the caller cannot know it was paid. */
    public synchronized void loseNextPayoutAnswer() {
        lostPayoutAnswers++;
    }

    /** The status later payouts get: processing, succeeded (default), failed or reversed. */
    public synchronized void nextPayoutStatus(String status) {
        nextPayoutStatus = status;
    }

    /** The payer paid: complete + succeeded, with a transaction id. */
    public synchronized void pay(String sessionId) {
        Map<String, Object> session = require(sessionId);
        session.put("checkout_status", "complete");
        session.put("payment_status", "succeeded");
        session.put("transaction_id", "T" + randomId(11).toUpperCase());
        session.put("when_completed", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        session.remove("last_payment_error");
    }

    /** A session made for {@code clientReference} without us (another integration, a replayed request): its id. */
    public synchronized String createElsewhere(String clientReference, String amount) {
        Reply reply = create(Json.createObjectBuilder().add("amount", amount).add("currency", "XOF")
                .add("client_reference", clientReference).build());
        return parseJson(reply.body()).getString("id");
    }

    /** A payment try failed ({@code insufficient-funds}…); the session stays open, as Wave's do. */
    public synchronized void failPayment(String sessionId, String code) {
        Map<String, Object> session = require(sessionId);
        session.put("payment_status", "cancelled");
        session.put("last_payment_error", Map.of("code", code, "message", "Payment failed: " + code));
    }

    public synchronized void expire(String sessionId) {
        require(sessionId).put("checkout_status", "expired");
    }

    /** Changes a session's amount as Wave would report it (to test amount checks). */
    public synchronized void setAmount(String sessionId, String amount) {
        require(sessionId).put("amount", amount);
    }

    /** The session as Wave returns it. */
    public synchronized JsonObject session(String sessionId) {
        return json(require(sessionId));
    }

    /** The sessions made for our payment id, oldest first. */
    public synchronized List<JsonObject> sessionsFor(String clientReference) {
        return sessions.values().stream().filter(s -> clientReference.equals(s.get("client_reference")))
                .map(WaveStandIn::json).toList();
    }

    /** The last session made for our payment id. */
    public synchronized JsonObject sessionFor(String clientReference) {
        List<JsonObject> found = sessionsFor(clientReference);
        if (found.isEmpty()) {
            throw new AssertionError("no Wave session for " + clientReference);
        }
        return found.get(found.size() - 1);
    }

    public synchronized boolean refunded(String sessionId) {
        return require(sessionId).containsKey("refunded");
    }

    /** Wave's event for a session's current state, signed now. */
    public SignedWebhook webhook(String type, String sessionId) {
        return webhook(type, sessionId, Instant.now());
    }

    /** Wave's event for a session's current state, signed as of {@code signedAt}. */
    public SignedWebhook webhook(String type, String sessionId, Instant signedAt) {
        String body = Json.createObjectBuilder().add("id", "EV_" + randomId(16)).add("type", type)
                .add("data", session(sessionId)).build().toString();
        return signed(body, signedAt);
    }

    /** Any body, with a {@code Wave-Signature} made with the stand-in's webhook secret. */
    public SignedWebhook signed(String body, Instant signedAt) {
        return signed(body, signedAt, webhookSecret);
    }

    /** Any body, signed with {@code secret} (a wrong one, or one of several during a rotation). */
    public static SignedWebhook signed(String body, Instant signedAt, String secret) {
        return SignedWebhook.timestamped("Wave-Signature", TimestampedSignature.NO_SEPARATOR, secret, body, signedAt,
                "application/json");
    }

    private Map<String, Object> require(String sessionId) {
        Map<String, Object> session = sessions.get(sessionId);
        if (session == null) {
            throw new AssertionError("no Wave session " + sessionId);
        }
        return session;
    }

    @SuppressWarnings("unchecked")
    private static JsonObject json(Map<String, Object> session) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        session.forEach((name, value) -> {
            if ("refunded".equals(name)) {
                return;
            }
            if (value == null) {
                json.addNull(name);
            } else if (value instanceof Map<?, ?> map) {
                json.add(name, Json.createObjectBuilder((Map<String, Object>) map));
            } else {
                json.add(name, value.toString());
            }
        });
        if (!session.containsKey("last_payment_error")) {
            json.addNull("last_payment_error");
        }
        if (!session.containsKey("transaction_id")) {
            json.addNull("transaction_id");
        }
        return json.build();
    }

    private static Reply error(int status, String code, String message) {
        return Reply.json(status, Json.createObjectBuilder().add("code", code).add("message", message).build());
    }
}
