package com.allocar.testsupport;

import com.allocar.payments.mtn.MtnSettings;
import com.github.tomakehurst.wiremock.http.Request;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MTN MoMo Collection, in memory, on WireMock ({@code ALLOCAR_IT_MTN_PORT} under {@code scripts/test}; a free port
 * otherwise): {@code POST /collection/token/} (Basic API user:API key + {@code Ocp-Apim-Subscription-Key}),
 * {@code POST /collection/v1_0/requesttopay} (202, 409 {@code RESOURCE_ALREADY_EXIST} for a reused
 * {@code X-Reference-Id}) and {@code GET …/requesttopay/{referenceId}}. Tests settle requests with
 * {@link #succeed} and {@link #fail}, and make MTN's (unsigned) callback with {@link #callback}.
 */
public final class MtnStandIn extends ProviderStandIn {
    public static final String PORT_VARIABLE = "ALLOCAR_IT_MTN_PORT";
    private static final Pattern STATUS = Pattern.compile("/collection/v1_0/requesttopay/([^/]+)");
    private static MtnStandIn shared;

    private final String apiUser = env("MTN_API_KEY", UUID.randomUUID().toString());
    private final String apiKey = env("MTN_SECRET", "mtn-test-api-key");
    private final String subscriptionKey = env("MTN_SUBSCRIPTION_KEY", "mtn-test-subscription");
    private final String targetEnvironment = env("MTN_TARGET_ENVIRONMENT", "sandbox");
    private final String currency = env("MTN_CURRENCY", "EUR");
    private final Set<String> tokens = new HashSet<>();
    private final Map<String, Map<String, Object>> requests = new LinkedHashMap<>();

    private MtnStandIn() {
        super("mtn", PORT_VARIABLE);
    }

    public static synchronized MtnStandIn start() {
        if (shared == null) {
            shared = new MtnStandIn();
        }
        return shared;
    }

    /** Settings pointing an adapter at this stand-in (sandbox: currency EUR), callbacks to {@code callbackBase}. */
    public MtnSettings settings(String callbackBase) {
        return new MtnSettings(URI.create(baseUrl()), apiUser, apiKey, subscriptionKey, targetEnvironment, currency,
                callbackBase == null ? null : URI.create(callbackBase));
    }

    public synchronized void revokeTokens() {
        tokens.clear();
    }

    @Override
    protected synchronized Reply handle(Request request, String method, String path) {
        if (!subscriptionKey.equals(request.getHeader("Ocp-Apim-Subscription-Key"))) {
            return Reply.json(401, Json.createObjectBuilder().add("statusCode", 401)
                    .add("message", "Access denied due to invalid subscription key.").build());
        }
        if ("POST".equals(method) && "/collection/token/".equals(path)) {
            String basic = "Basic " + Base64.getEncoder().encodeToString((apiUser + ":" + apiKey)
                    .getBytes(StandardCharsets.UTF_8));
            if (!basic.equals(request.getHeader("Authorization"))) {
                return Reply.json(401, Json.createObjectBuilder().add("error", "login_failed").build());
            }
            String token = "mtn-" + randomId(24);
            tokens.add(token);
            return Reply.json(200, Json.createObjectBuilder().add("access_token", token)
                    .add("token_type", "access_token").add("expires_in", 3600).build());
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ") || !tokens.contains(authorization.substring(7))) {
            return Reply.json(401, Json.createObjectBuilder().add("code", "NOT_AUTHORIZED")
                    .add("message", "Authorization failed. Insufficient permissions.").build());
        }
        if (!targetEnvironment.equals(request.getHeader("X-Target-Environment"))) {
            return error(400, "INVALID_TARGET_ENVIRONMENT", "Unknown target environment");
        }
        if ("POST".equals(method) && "/collection/v1_0/requesttopay".equals(path)) {
            return requestToPay(request);
        }
        Matcher status = STATUS.matcher(path);
        if ("GET".equals(method) && status.matches()) {
            Map<String, Object> found = requests.get(status.group(1));
            return found == null ? error(404, "RESOURCE_NOT_FOUND", "Requested resource was not found.")
                    : Reply.json(200, json(found));
        }
        return error(404, "RESOURCE_NOT_FOUND", "No such endpoint");
    }

    private Reply requestToPay(Request request) {
        String reference = request.getHeader("X-Reference-Id");
        try {
            if (reference == null || UUID.fromString(reference).version() != 4) {
                return error(400, "INVALID_REFERENCE_ID", "X-Reference-Id must be a UUID v4");
            }
        } catch (IllegalArgumentException e) {
            return error(400, "INVALID_REFERENCE_ID", "X-Reference-Id must be a UUID v4");
        }
        if (requests.containsKey(reference)) {
            return error(409, "RESOURCE_ALREADY_EXIST", "Duplicated reference id. Creation for resource failed.");
        }
        JsonObject body = parseJson(request.getBodyAsString());
        JsonObject payer = body == null ? null : body.getJsonObject("payer");
        if (body == null || !currency.equals(body.getString("currency", null)) || payer == null
                || !"MSISDN".equals(payer.getString("partyIdType", null)) || !(body.get("amount") instanceof jakarta.json.JsonString)) {
            return error(400, "INVALID_CURRENCY_OR_PAYER", "amount (string), currency and payer are required");
        }
        Map<String, Object> made = new LinkedHashMap<>();
        made.put("amount", body.getString("amount"));
        made.put("currency", body.getString("currency"));
        made.put("externalId", body.getString("externalId", null));
        made.put("payer", payer);
        made.put("payerMessage", body.getString("payerMessage", null));
        made.put("payeeNote", body.getString("payeeNote", null));
        made.put("status", "PENDING");
        made.put("callbackUrl", request.getHeader("X-Callback-Url"));
        requests.put(reference, made);
        return Reply.empty(202);
    }

    public synchronized void succeed(String referenceId) {
        Map<String, Object> made = require(referenceId);
        made.put("status", "SUCCESSFUL");
        made.put("financialTransactionId", Long.toString(1_000_000_000L + (long) (Math.random() * 1e9)));
    }

    /** Fails the request with MTN's reason ({@code NOT_ENOUGH_FUNDS}, {@code PAYER_NOT_FOUND}, …). */
    public synchronized void fail(String referenceId, String reason) {
        Map<String, Object> made = require(referenceId);
        made.put("status", "FAILED");
        made.put("reason", reason);
    }

    /** The request as MTN reports it (plus {@code callbackUrl}: the X-Callback-Url it was made with, or null). */
    public synchronized JsonObject request(String referenceId) {
        Map<String, Object> made = require(referenceId);
        JsonObjectBuilder json = Json.createObjectBuilder(json(made));
        Object callback = made.get("callbackUrl");
        return (callback == null ? json.addNull("callbackUrl") : json.add("callbackUrl", callback.toString())).build();
    }

    /** MTN's callback for the request's current state (unsigned: MTN signs nothing), for its X-Callback-Url. */
    public synchronized SignedWebhook callback(String referenceId) {
        Map<String, Object> made = require(referenceId);
        Map<String, String> query = new LinkedHashMap<>();
        Object url = made.get("callbackUrl");
        if (url != null && url.toString().contains("?payment_id=")) {
            query.put("payment_id", url.toString().substring(url.toString().indexOf("?payment_id=") + 12));
        }
        return new SignedWebhook("PUT", Map.of("Content-Type", "application/json"), query, json(made).toString());
    }

    private Map<String, Object> require(String referenceId) {
        Map<String, Object> made = requests.get(referenceId);
        if (made == null) {
            throw new AssertionError("no MTN request to pay " + referenceId);
        }
        return made;
    }

    private static JsonObject json(Map<String, Object> made) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        made.forEach((name, value) -> {
            if ("callbackUrl".equals(name) || value == null) {
                return;
            }
            if (value instanceof JsonObject object) {
                json.add(name, object);
            } else {
                json.add(name, value.toString());
            }
        });
        return json.build();
    }

    private static Reply error(int status, String code, String message) {
        return Reply.json(status, Json.createObjectBuilder().add("code", code).add("message", message).build());
    }
}
