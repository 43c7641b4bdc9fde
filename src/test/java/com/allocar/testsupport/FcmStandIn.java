package com.allocar.testsupport;

import com.github.tomakehurst.wiremock.http.Request;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;

import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Firebase Cloud Messaging HTTP v1 and Google's OAuth token endpoint, in memory, on WireMock
 * ({@code ALLOCAR_IT_FCM_PORT} under {@code scripts/test}, where the server's {@code FCM_API_URL} and the
 * {@code token_uri} of the throwaway service account in {@code FCM_CREDENTIALS} point).
 * <ul>
 * <li>{@code POST /token}: the signed-JWT grant of a service account. The assertion must be signed by the key of
 * {@code FCM_CREDENTIALS} (RS256), issued by its {@code client_email}, for Google's token endpoint (the audience
 * google-auth-library writes whatever the {@code token_uri}), with the
 * {@code firebase.messaging} scope, and not expired; answers an access token valid one hour.</li>
 * <li>{@code POST /v1/projects/{FCM_PROJECT_ID}/messages:send}: needs {@code Authorization: Bearer} with a token
 * issued here (401 {@code UNAUTHENTICATED} otherwise); a token marked {@link #unregister unregistered} answers 404
 * with FCM's {@code UNREGISTERED} error; anything else is accepted and recorded.</li>
 * </ul>
 */
public final class FcmStandIn extends ProviderStandIn {
    public static final String PORT_VARIABLE = "ALLOCAR_IT_FCM_PORT";
    public static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    static final String GOOGLE_TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token";
    private static final Pattern SEND = Pattern.compile("/v1/projects/([^/]+)/messages:send");
    private static FcmStandIn shared;

    /** One message FCM received (whatever it answered). */
    public record Push(String token, String title, String body, Map<String, String> data, String authorization,
                       int status, JsonObject message, Instant receivedAt) {
        public boolean delivered() {
            return status == 200;
        }
    }

    private final String projectId = env("FCM_PROJECT_ID", "allocar-test");
    private final JsonObject serviceAccount = parseJson(env("FCM_CREDENTIALS", "{}"));
    private final RSAPublicKey publicKey = publicKeyOf(serviceAccount);
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final Set<String> unregistered = ConcurrentHashMap.newKeySet();
    private final List<Push> pushes = new CopyOnWriteArrayList<>();
    private final List<String> tokenRequestProblems = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokenGrants = new AtomicInteger();

    private FcmStandIn() {
        super("fcm", PORT_VARIABLE);
    }

    /** The stand-in of this JVM, started on first use. */
    public static synchronized FcmStandIn start() {
        if (shared == null) {
            shared = new FcmStandIn();
        }
        return shared;
    }

    /** The next sends to {@code token} answer 404 UNREGISTERED, as FCM does for an app that was uninstalled. */
    public void unregister(String token) {
        unregistered.add(token);
    }

    /** How many access tokens were granted so far. */
    public int tokenGrants() {
        return tokenGrants.get();
    }

    /** Why token requests were refused so far (a wrong signature, issuer, audience or scope). */
    public List<String> tokenRequestProblems() {
        return List.copyOf(tokenRequestProblems);
    }

    /** Every message sent to {@code token} so far, oldest first, whatever the answer. */
    public List<Push> requestsTo(String token) {
        return pushes.stream().filter(push -> token.equals(push.token())).toList();
    }

    /** The messages delivered (answered 200) to {@code token}, oldest first. */
    public List<Push> deliveredTo(String token) {
        return requestsTo(token).stream().filter(Push::delivered).toList();
    }

    /** Waits until at least {@code count} messages were delivered to {@code token}. */
    public List<Push> awaitDeliveredTo(String token, int count, Duration timeout) {
        return SmsStandIn.await(() -> {
            List<Push> delivered = deliveredTo(token);
            return delivered.size() >= count ? delivered : null;
        }, timeout, () -> count + " pushes to " + token + "; requests seen: " + requestsTo(token)
                + "; token problems: " + tokenRequestProblems);
    }

    /** Waits until at least {@code count} requests (whatever the answer) were made for {@code token}. */
    public List<Push> awaitRequestsTo(String token, int count, Duration timeout) {
        return SmsStandIn.await(() -> {
            List<Push> requests = requestsTo(token);
            return requests.size() >= count ? requests : null;
        }, timeout, () -> count + " push requests for " + token + "; seen: " + requestsTo(token));
    }

    /** Polls {@code probe} until it answers non-null (then returns that), failing after {@code timeout}. */
    public static <T> T eventually(java.util.function.Supplier<T> probe, Duration timeout,
                                   java.util.function.Supplier<String> what) {
        return SmsStandIn.await(probe, timeout, what);
    }

    @Override
    protected Reply handle(Request request, String method, String path) {
        if ("POST".equals(method) && "/token".equals(path)) {
            return grant(request);
        }
        Matcher send = SEND.matcher(path);
        if ("POST".equals(method) && send.matches()) {
            return send(request, send.group(1));
        }
        return error(404, "NOT_FOUND", null, "no such route in the FCM stand-in: " + method + " " + path);
    }

    private Reply grant(Request request) {
        Map<String, String> form = parseForm(request.getBodyAsString());
        String problem = assertionProblem(form);
        if (problem != null) {
            tokenRequestProblems.add(problem);
            return Reply.json(400, Json.createObjectBuilder().add("error", "invalid_grant")
                    .add("error_description", problem).build());
        }
        String token = "ya29.stand-in-" + randomId(24);
        issued.add(token);
        tokenGrants.incrementAndGet();
        return Reply.json(200, Json.createObjectBuilder().add("access_token", token).add("expires_in", 3600)
                .add("token_type", "Bearer").build());
    }

    private String assertionProblem(Map<String, String> form) {
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
            return "grant_type is " + form.get("grant_type");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(form.get("assertion"));
            if (publicKey == null || !jwt.verify(new RSASSAVerifier(publicKey))) {
                return "the assertion is not signed by the service account's key";
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!string(serviceAccount, "client_email").equals(claims.getIssuer())) {
                return "issuer " + claims.getIssuer();
            }
            // Google's token endpoint expects its own address as the audience, wherever the key's token_uri points
            if (!claims.getAudience().contains(GOOGLE_TOKEN_AUDIENCE)
                    && !claims.getAudience().contains(string(serviceAccount, "token_uri"))) {
                return "audience " + claims.getAudience();
            }
            Object scope = claims.getClaim("scope");
            if (scope == null || !List.of(scope.toString().split(" ")).contains(SCOPE)) {
                return "scope " + scope;
            }
            if (claims.getExpirationTime() == null || claims.getExpirationTime().before(new Date())) {
                return "expired assertion";
            }
            return jwt.getState() == JWSObject.State.VERIFIED ? null : "unverified";
        } catch (Exception e) {
            return "unreadable assertion: " + e;
        }
    }

    private Reply send(Request request, String project) {
        String authorization = request.getHeader("Authorization");
        JsonObject body = parseJson(request.getBodyAsString());
        JsonObject message = body == null || !(body.get("message") instanceof JsonObject m) ? null : m;
        String token = message == null ? null : string(message, "token");
        Reply reply;
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !issued.contains(authorization.substring("Bearer ".length()))) {
            reply = error(401, "UNAUTHENTICATED", null, "Request had invalid authentication credentials.");
        } else if (!projectId.equals(project)) {
            reply = error(403, "PERMISSION_DENIED", "SENDER_ID_MISMATCH", "not this project");
        } else if (message == null || token == null) {
            reply = error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", "no message.token");
        } else if (unregistered.contains(token)) {
            reply = error(404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found.");
        } else {
            reply = Reply.json(200, Json.createObjectBuilder()
                    .add("name", "projects/" + project + "/messages/" + randomId(16)).build());
        }
        if (token != null) {
            JsonObject notification = message.get("notification") instanceof JsonObject n ? n : JsonValue.EMPTY_JSON_OBJECT;
            Map<String, String> data = new java.util.LinkedHashMap<>();
            if (message.get("data") instanceof JsonObject values) {
                values.forEach((name, value) -> data.put(name, value instanceof JsonString text ? text.getString()
                        : value.toString()));
            }
            pushes.add(new Push(token, string(notification, "title"), string(notification, "body"), data,
                    authorization, reply.status(), message, Instant.now()));
        }
        return reply;
    }

    private static Reply error(int status, String code, String fcmErrorCode, String text) {
        var error = Json.createObjectBuilder().add("code", status).add("message", text).add("status", code);
        if (fcmErrorCode != null) {
            error.add("details", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("@type", "type.googleapis.com/google.firebase.fcm.v1.FcmError")
                    .add("errorCode", fcmErrorCode)));
        }
        return Reply.json(status, Json.createObjectBuilder().add("error", error).build());
    }

    private static String string(JsonObject object, String name) {
        return object != null && object.get(name) instanceof JsonString text ? text.getString() : null;
    }

    /** The public half of the service account's private key (RSA: modulus and public exponent). */
    private static RSAPublicKey publicKeyOf(JsonObject account) {
        String pem = string(account, "private_key");
        if (pem == null) {
            return null;
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            return (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (Exception e) {
            throw new IllegalStateException("FCM_CREDENTIALS holds no usable private key", e);
        }
    }

}
