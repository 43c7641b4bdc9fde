package com.allocar.testsupport;

import com.allocar.payments.provider.TimestampedSignature;
import com.allocar.payments.stripe.StripeSettings;
import com.github.tomakehurst.wiremock.http.Request;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stripe's PaymentIntents and Refunds, in memory, on WireMock ({@code ALLOCAR_IT_STRIPE_PORT} under
 * {@code scripts/test}; a free port otherwise): form-encoded requests, {@code Authorization: Bearer sk_…},
 * {@code Idempotency-Key} replay (and {@code idempotency_error} for the same key with other parameters), Stripe's
 * error objects. Tests settle intents with {@link #succeed} and {@link #decline}, and make Stripe's events with
 * {@link #event}/{@link #webhook}, signed with the endpoint secret exactly as Stripe signs them.
 */
public final class StripeStandIn extends ProviderStandIn {
    public static final String PORT_VARIABLE = "ALLOCAR_IT_STRIPE_PORT";
    private static final Pattern INTENT = Pattern.compile("/v1/payment_intents/(pi_[A-Za-z0-9]+)(/cancel)?");
    private static StripeStandIn shared;

    private final String secretKey = env("STRIPE_SECRET_KEY", "sk_test_allocar");
    private final String webhookSecret = env("STRIPE_WEBHOOK_SECRET", "whsec_allocar_test");
    private final Map<String, Map<String, Object>> intents = new LinkedHashMap<>();
    private final Map<String, String[]> idempotent = new LinkedHashMap<>();

    private StripeStandIn() {
        super("stripe", PORT_VARIABLE);
    }

    public static synchronized StripeStandIn start() {
        if (shared == null) {
            shared = new StripeStandIn();
        }
        return shared;
    }

    public StripeSettings settings() {
        return new StripeSettings(URI.create(baseUrl()), secretKey, webhookSecret, null);
    }

    public String webhookSecret() {
        return webhookSecret;
    }

    @Override
    protected synchronized Reply handle(Request request, String method, String path) {
        if (!("Bearer " + secretKey).equals(request.getHeader("Authorization"))) {
            return error(401, "invalid_request_error", null, "Invalid API Key provided");
        }
        String key = request.getHeader("Idempotency-Key");
        String body = request.getBodyAsString();
        if ("POST".equals(method) && key != null) {
            String[] earlier = idempotent.get(method + path + " " + key);
            if (earlier != null) {
                return earlier[0].equals(body) ? Reply.json(Integer.parseInt(earlier[1]), parseJson(earlier[2]))
                        : error(400, "idempotency_error", null, "Keys for idempotent requests can only be used with "
                        + "the same parameters they were first used with.");
            }
        }
        Reply reply = route(request, method, path, parseForm(body));
        if ("POST".equals(method) && key != null && reply.status() < 500) {
            idempotent.put(method + path + " " + key, new String[]{body, Integer.toString(reply.status()), reply.body()});
        }
        return reply;
    }

    private Reply route(Request request, String method, String path, Map<String, String> form) {
        if ("POST".equals(method) && "/v1/payment_intents".equals(path)) {
            if (!form.containsKey("amount") || !"xof".equals(form.get("currency"))) {
                return error(400, "invalid_request_error", "parameter_missing", "amount and currency are required");
            }
            String id = "pi_" + randomId(24);
            Map<String, Object> intent = new LinkedHashMap<>();
            intent.put("id", id);
            intent.put("object", "payment_intent");
            intent.put("amount", Long.parseLong(form.get("amount")));
            intent.put("amount_received", 0L);
            intent.put("currency", "xof");
            intent.put("created", Instant.now().getEpochSecond());
            intent.put("status", "requires_payment_method");
            intent.put("client_secret", id + "_secret_" + randomId(24));
            intent.put("description", form.get("description"));
            Map<String, String> metadata = new LinkedHashMap<>();
            form.forEach((name, value) -> {
                if (name.startsWith("metadata[") && name.endsWith("]")) {
                    metadata.put(name.substring(9, name.length() - 1), value);
                }
            });
            intent.put("metadata", metadata);
            intents.put(id, intent);
            return Reply.json(200, json(intent, false));
        }
        if ("POST".equals(method) && "/v1/refunds".equals(path)) {
            return refund(form);
        }
        if ("GET".equals(method) && "/v1/payment_intents".equals(path)) {
            return list(request);
        }
        Matcher matcher = INTENT.matcher(path);
        if (!matcher.matches()) {
            return error(404, "invalid_request_error", "resource_missing", "Unrecognized request URL");
        }
        Map<String, Object> intent = intents.get(matcher.group(1));
        if (intent == null) {
            return error(404, "invalid_request_error", "resource_missing", "No such payment_intent");
        }
        if ("GET".equals(method) && matcher.group(2) == null) {
            boolean expand = request.queryParameter("expand[]").isPresent()
                    && request.queryParameter("expand[]").values().contains("latest_charge");
            return Reply.json(200, json(intent, expand));
        }
        if ("POST".equals(method) && "/cancel".equals(matcher.group(2))) {
            if ("succeeded".equals(intent.get("status")) || "canceled".equals(intent.get("status"))) {
                return error(400, "invalid_request_error", "payment_intent_unexpected_state",
                        "This PaymentIntent's status is " + intent.get("status"));
            }
            intent.put("status", "canceled");
            intent.put("cancellation_reason", "requested_by_customer");
            return Reply.json(200, json(intent, false));
        }
        return error(404, "invalid_request_error", "resource_missing", "Unrecognized request URL");
    }

    @SuppressWarnings("unchecked")
    private Reply refund(Map<String, String> form) {
        Map<String, Object> intent = intents.get(form.getOrDefault("payment_intent", ""));
        if (intent == null) {
            return error(404, "invalid_request_error", "resource_missing", "No such payment_intent");
        }
        if (!"succeeded".equals(intent.get("status"))) {
            return error(400, "invalid_request_error", "charge_not_refundable", "This PaymentIntent has no charge");
        }
        Map<String, Object> charge = (Map<String, Object>) intent.get("charge");
        long amount = form.containsKey("amount") ? Long.parseLong(form.get("amount")) : (long) charge.get("amount");
        long refunded = (long) charge.get("amount_refunded");
        if (amount <= 0 || refunded + amount > (long) charge.get("amount")) {
            return error(400, "invalid_request_error", "amount_too_large", "Refund amount is greater than unrefunded amount");
        }
        charge.put("amount_refunded", refunded + amount);
        charge.put("refunded", refunded + amount == (long) charge.get("amount"));
        return Reply.json(200, Json.createObjectBuilder().add("id", "re_" + randomId(24)).add("object", "refund")
                .add("amount", amount).add("currency", "xof").add("payment_intent", intent.get("id").toString())
                .add("charge", charge.get("id").toString()).add("status", "succeeded").build());
    }

    /**
     * {@code GET /v1/payment_intents}: {@code created[gte]}, {@code created[lt]}, {@code limit} (default 10, at most
     * 100), {@code starting_after}; newest first, as Stripe lists them; {@code expand[]=data.latest_charge}.
     */
    private Reply list(Request request) {
        long from = request.queryParameter("created[gte]").isPresent()
                ? Long.parseLong(request.queryParameter("created[gte]").firstValue()) : Long.MIN_VALUE;
        long to = request.queryParameter("created[lt]").isPresent()
                ? Long.parseLong(request.queryParameter("created[lt]").firstValue()) : Long.MAX_VALUE;
        int limit = request.queryParameter("limit").isPresent()
                ? Math.min(100, Integer.parseInt(request.queryParameter("limit").firstValue())) : 10;
        String after = request.queryParameter("starting_after").isPresent()
                ? request.queryParameter("starting_after").firstValue() : null;
        boolean expand = request.queryParameter("expand[]").isPresent()
                && request.queryParameter("expand[]").values().contains("data.latest_charge");
        java.util.List<Map<String, Object>> matching = new java.util.ArrayList<>();
        intents.values().forEach(intent -> {
            long created = (long) intent.get("created");
            if (created >= from && created < to) {
                matching.add(0, intent);
            }
        });
        matching.sort(java.util.Comparator.comparingLong((Map<String, Object> i) -> (long) i.get("created")).reversed());
        int start = 0;
        if (after != null) {
            for (int i = 0; i < matching.size(); i++) {
                if (after.equals(matching.get(i).get("id"))) {
                    start = i + 1;
                }
            }
        }
        var data = Json.createArrayBuilder();
        int end = Math.min(matching.size(), start + limit);
        for (int i = start; i < end; i++) {
            data.add(json(matching.get(i), expand));
        }
        return Reply.json(200, Json.createObjectBuilder().add("object", "list").add("url", "/v1/payment_intents")
                .add("has_more", end < matching.size()).add("data", data).build());
    }

    /** An intent made directly at Stripe (not by us), e.g. from its dashboard: its id. */
    public synchronized String createElsewhere(long amount, Map<String, String> metadata) {
        String id = "pi_" + randomId(24);
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("id", id);
        intent.put("object", "payment_intent");
        intent.put("amount", amount);
        intent.put("amount_received", 0L);
        intent.put("currency", "xof");
        intent.put("created", Instant.now().getEpochSecond());
        intent.put("status", "requires_payment_method");
        intent.put("metadata", new LinkedHashMap<>(metadata));
        intents.put(id, intent);
        return id;
    }

    /** Moves the intent's creation time (its {@code created}) to {@code at}. */
    public synchronized void createdAt(String intentId, Instant at) {
        require(intentId).put("created", at.getEpochSecond());
    }

    /** The card was accepted: succeeded, amount received, a charge. */
    public synchronized void succeed(String intentId) {
        Map<String, Object> intent = require(intentId);
        intent.put("status", "succeeded");
        intent.put("amount_received", intent.get("amount"));
        intent.remove("last_payment_error");
        Map<String, Object> charge = new LinkedHashMap<>();
        charge.put("id", "ch_" + randomId(24));
        charge.put("amount", intent.get("amount"));
        charge.put("amount_refunded", 0L);
        charge.put("refunded", false);
        intent.put("charge", charge);
    }

    /** A refund made in Stripe's dashboard (not through the API): the charge's refunded amount grows. */
    @SuppressWarnings("unchecked")
    public synchronized void refundInDashboard(String intentId, long amount) {
        Map<String, Object> charge = (Map<String, Object>) require(intentId).get("charge");
        long refunded = (long) charge.get("amount_refunded") + amount;
        charge.put("amount_refunded", refunded);
        charge.put("refunded", refunded == (long) charge.get("amount"));
    }

    /** The card was declined ({@code insufficient_funds}…): back to requires_payment_method with the error. */
    public synchronized void decline(String intentId, String declineCode) {
        Map<String, Object> intent = require(intentId);
        intent.put("status", "requires_payment_method");
        intent.put("last_payment_error", Map.of("type", "card_error", "code", "card_declined", "decline_code", declineCode,
                "message", "Your card was declined."));
    }

    /** The intent as the API returns it, latest charge expanded. */
    public synchronized JsonObject intent(String intentId) {
        return json(require(intentId), true);
    }

    /** The last intent made for our payment id ({@code metadata[payment_id]}). */
    @SuppressWarnings("unchecked")
    public synchronized String intentFor(String paymentId) {
        String found = null;
        for (Map<String, Object> intent : intents.values()) {
            if (paymentId.equals(((Map<String, String>) intent.get("metadata")).get("payment_id"))) {
                found = intent.get("id").toString();
            }
        }
        if (found == null) {
            throw new AssertionError("no PaymentIntent for payment " + paymentId);
        }
        return found;
    }

    /**
     * Stripe's event about the intent's current state: {@code payment_intent.*} carry the intent,
     * {@code charge.refunded} its charge (with the intent's metadata, as Stripe copies it),
     * {@code charge.dispute.*} a dispute of the whole charge.
     */
    @SuppressWarnings("unchecked")
    public synchronized String event(String type, String intentId) {
        Map<String, Object> intent = require(intentId);
        JsonObject object;
        if (type.startsWith("charge.dispute.")) {
            // a Dispute: the disputed charge and its PaymentIntent, not the intent's metadata
            Map<String, Object> charge = (Map<String, Object>) intent.get("charge");
            object = Json.createObjectBuilder().add("id", "dp_" + randomId(24)).add("object", "dispute")
                    .add("amount", (long) charge.get("amount")).add("currency", "xof")
                    .add("charge", charge.get("id").toString()).add("payment_intent", intentId)
                    .add("reason", "fraudulent").add("status", "needs_response").build();
        } else if (type.startsWith("charge.")) {
            Map<String, Object> charge = (Map<String, Object>) intent.get("charge");
            object = Json.createObjectBuilder().add("id", charge.get("id").toString()).add("object", "charge")
                    .add("amount", (long) charge.get("amount")).add("amount_refunded", (long) charge.get("amount_refunded"))
                    .add("refunded", (boolean) charge.get("refunded")).add("currency", "xof")
                    .add("payment_intent", intentId)
                    .add("metadata", Json.createObjectBuilder((Map<String, Object>) (Map<?, ?>) intent.get("metadata")))
                    .build();
        } else {
            object = json(intent, false);
        }
        return Json.createObjectBuilder().add("id", "evt_" + randomId(24)).add("object", "event").add("type", type)
                .add("created", Instant.now().getEpochSecond()).add("livemode", false)
                .add("data", Json.createObjectBuilder().add("object", object)).build().toString();
    }

    /** {@link #event}, signed now. */
    public SignedWebhook webhook(String type, String intentId) {
        return signed(event(type, intentId), Instant.now(), webhookSecret);
    }

    /** Any body, with a {@code Stripe-Signature} made with {@code secret} as of {@code signedAt}. */
    public static SignedWebhook signed(String body, Instant signedAt, String secret) {
        return SignedWebhook.timestamped("Stripe-Signature", TimestampedSignature.DOT, secret, body, signedAt,
                "application/json; charset=utf-8");
    }

    private Map<String, Object> require(String intentId) {
        Map<String, Object> intent = intents.get(intentId);
        if (intent == null) {
            throw new AssertionError("no PaymentIntent " + intentId);
        }
        return intent;
    }

    @SuppressWarnings("unchecked")
    private static JsonObject json(Map<String, Object> intent, boolean expandCharge) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        intent.forEach((name, value) -> {
            if ("charge".equals(name) || value == null) {
                return;
            }
            if (value instanceof Map<?, ?> map) {
                json.add(name, Json.createObjectBuilder((Map<String, Object>) map));
            } else if (value instanceof Long number) {
                json.add(name, number);
            } else {
                json.add(name, value.toString());
            }
        });
        Map<String, Object> charge = (Map<String, Object>) intent.get("charge");
        if (charge == null) {
            json.addNull("latest_charge");
        } else if (expandCharge) {
            json.add("latest_charge", Json.createObjectBuilder(charge).add("object", "charge"));
        } else {
            json.add("latest_charge", charge.get("id").toString());
        }
        return json.build();
    }

    private static Reply error(int status, String type, String code, String message) {
        JsonObjectBuilder error = Json.createObjectBuilder().add("type", type).add("message", message);
        if (code != null) {
            error.add("code", code);
        }
        return Reply.json(status, Json.createObjectBuilder().add("error", error).build());
    }
}
