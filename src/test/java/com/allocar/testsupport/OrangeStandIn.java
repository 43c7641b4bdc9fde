package com.allocar.testsupport;

import com.allocar.payments.orange.OrangeSettings;
import com.github.tomakehurst.wiremock.http.Request;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orange Money Web Payment, in memory, on WireMock ({@code ALLOCAR_IT_OM_PORT} under {@code scripts/test}; a free
 * port otherwise): the OAuth token ({@code POST /oauth/v3/token}, Basic client id:secret, form
 * {@code grant_type=client_credentials}), {@code POST /orange-money-webpay/dev/v1/webpayment} and
 * {@code …/transactionstatus}, with Orange's answers ({@code 201 {"status": 201, "message": "OK", "pay_token",
 * "payment_url", "notif_token"}}). Tests settle orders with {@link #pay}, {@link #fail}, {@link #expire} and
 * make Orange's notification with {@link #notification} (its {@code notif_token} is the order's; Orange signs
 * nothing).
 */
public final class OrangeStandIn extends ProviderStandIn {
    public static final String PORT_VARIABLE = "ALLOCAR_IT_OM_PORT";
    public static final String API_PATH = "/orange-money-webpay/dev/v1";
    public static final String TOKEN_PATH = "/oauth/v3/token";
    private static OrangeStandIn shared;

    private final String clientId = env("OM_API_KEY", "om-test-client-id");
    private final String clientSecret = env("OM_SECRET", "om-test-client-secret");
    private final String merchantKey = env("OM_MERCHANT_KEY", "om-test-merchant");
    private final Map<String, Long> tokens = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> orders = new LinkedHashMap<>();
    private long tokenLifetimeSeconds = 7_776_000;

    private OrangeStandIn() {
        super("orange", PORT_VARIABLE);
    }

    public static synchronized OrangeStandIn start() {
        if (shared == null) {
            shared = new OrangeStandIn();
        }
        return shared;
    }

    /** Settings pointing an adapter at this stand-in (sandbox currency OUV), notifications to {@code callbackBase}. */
    public OrangeSettings settings(String callbackBase) {
        return new OrangeSettings(URI.create(baseUrl() + API_PATH), URI.create(baseUrl() + TOKEN_PATH), clientId,
                clientSecret, merchantKey, "OUV", "fr", "AlloCar", URI.create(callbackBase));
    }

    /** Tokens issued from now on live this long ({@code expires_in}). */
    public synchronized void tokenLifetime(long seconds) {
        tokenLifetimeSeconds = seconds;
    }

    /** Revokes every token issued so far (the next API call gets a 401). */
    public synchronized void revokeTokens() {
        tokens.clear();
    }

    @Override
    protected synchronized Reply handle(Request request, String method, String path) {
        if ("POST".equals(method) && TOKEN_PATH.equals(path)) {
            String basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                    .getBytes(StandardCharsets.UTF_8));
            if (!basic.equals(request.getHeader("Authorization"))
                    || !"client_credentials".equals(parseForm(request.getBodyAsString()).get("grant_type"))) {
                return Reply.json(401, Json.createObjectBuilder().add("error", "invalid_client")
                        .add("error_description", "The requested service needs credentials, but the ones provided were invalid.").build());
            }
            String token = "om-" + randomId(24);
            tokens.put(token, tokenLifetimeSeconds);
            return Reply.json(200, Json.createObjectBuilder().add("token_type", "Bearer").add("access_token", token)
                    .add("expires_in", Long.toString(tokenLifetimeSeconds)).build());
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !tokens.containsKey(authorization.substring(7))) {
            return error(401, 42, "Expired credentials", "The requested service needs credentials, but the ones provided were invalid.");
        }
        JsonObject body = parseJson(request.getBodyAsString());
        if ("POST".equals(method) && (API_PATH + "/webpayment").equals(path)) {
            return webpayment(body);
        }
        if ("POST".equals(method) && (API_PATH + "/transactionstatus").equals(path)) {
            Map<String, String> order = body == null ? null : orders.get(body.getString("order_id", ""));
            if (order == null || !order.get("pay_token").equals(body.getString("pay_token", null))
                    || !order.get("amount").equals(body.get("amount").toString())) {
                return error(400, 1, "Bad request", "Unknown order, pay_token or amount");
            }
            var answer = Json.createObjectBuilder().add("status", order.get("status")).add("order_id", order.get("order_id"));
            if (order.get("txnid") != null) {
                answer.add("txnid", order.get("txnid"));
            }
            return Reply.json(201, answer.build());
        }
        return error(404, 404, "Not found", "No such resource");
    }

    private Reply webpayment(JsonObject body) {
        if (body == null || !merchantKey.equals(body.getString("merchant_key", null))) {
            return error(400, 2, "Bad request", "Invalid merchant key");
        }
        for (String field : List.of("currency", "order_id", "return_url", "cancel_url", "notif_url", "lang", "reference")) {
            if (body.getString(field, null) == null) {
                return error(400, 3, "Bad request", field + " is required");
            }
        }
        String orderId = body.getString("order_id");
        if (orders.containsKey(orderId)) {
            return error(400, 4, "Bad request", "order_id already used");
        }
        Map<String, String> order = new LinkedHashMap<>();
        order.put("order_id", orderId);
        order.put("amount", body.get("amount").toString());
        order.put("currency", body.getString("currency"));
        order.put("notif_url", body.getString("notif_url"));
        order.put("pay_token", "v1" + randomId(30));
        order.put("notif_token", randomId(32));
        order.put("status", "INITIATED");
        orders.put(orderId, order);
        return Reply.json(201, Json.createObjectBuilder().add("status", 201).add("message", "OK")
                .add("pay_token", order.get("pay_token"))
                .add("payment_url", baseUrl() + "/payment/pay_token/" + order.get("pay_token"))
                .add("notif_token", order.get("notif_token")).build());
    }

    public synchronized void pay(String orderId) {
        Map<String, String> order = require(orderId);
        order.put("status", "SUCCESS");
        order.put("txnid", "MP" + randomId(14).toUpperCase());
    }

    public synchronized void fail(String orderId) {
        require(orderId).put("status", "FAILED");
    }

    public synchronized void expire(String orderId) {
        require(orderId).put("status", "EXPIRED");
    }

    /** What the adapter sent for {@code orderId} and Orange answered: amount, currency, notif_url, pay_token, notif_token, status. */
    public synchronized Map<String, String> order(String orderId) {
        return Map.copyOf(require(orderId));
    }

    /** The last order whose notif_url names our payment id. */
    public synchronized String orderFor(String paymentId) {
        String found = null;
        for (Map<String, String> order : orders.values()) {
            if (order.get("notif_url").endsWith("payment_id=" + paymentId)) {
                found = order.get("order_id");
            }
        }
        if (found == null) {
            throw new AssertionError("no Orange order for payment " + paymentId);
        }
        return found;
    }

    /**
     * Orange's notification of the order's current status ({@code SUCCESS} or {@code FAILED}), with the order's
     * notif_token, for its {@code notif_url} ({@link SignedWebhook#query()} holds the notif_url's parameters).
     */
    public synchronized SignedWebhook notification(String orderId) {
        Map<String, String> order = require(orderId);
        return notification(orderId, order.get("notif_token"));
    }

    /** The same with any notif_token (a forged one). */
    public synchronized SignedWebhook notification(String orderId, String notifToken) {
        Map<String, String> order = require(orderId);
        var body = Json.createObjectBuilder().add("status", "SUCCESS".equals(order.get("status")) ? "SUCCESS" : "FAILED")
                .add("notif_token", notifToken);
        if (order.get("txnid") != null) {
            body.add("txnid", order.get("txnid"));
        }
        String notifUrl = order.get("notif_url");
        Map<String, String> query = new LinkedHashMap<>();
        int q = notifUrl.indexOf('?');
        if (q >= 0) {
            for (String pair : notifUrl.substring(q + 1).split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return new SignedWebhook("POST", Map.of("Content-Type", "application/json"), query, body.build().toString());
    }

    private Map<String, String> require(String orderId) {
        Map<String, String> order = orders.get(orderId);
        if (order == null) {
            throw new AssertionError("no Orange order " + orderId);
        }
        return order;
    }

    private static Reply error(int status, int code, String message, String description) {
        return Reply.json(status, Json.createObjectBuilder().add("code", code).add("message", message)
                .add("description", description).build());
    }
}
