package com.allocar.payments.orange;

import com.allocar.payments.PaymentProvider;
import com.allocar.payments.provider.AccessTokenCache;
import com.allocar.payments.provider.Checkout;
import com.allocar.payments.provider.CheckoutRequest;
import com.allocar.payments.provider.JsonFields;
import com.allocar.payments.provider.ProviderGateway;
import com.allocar.payments.provider.ProviderConfig;
import com.allocar.payments.provider.ProviderHttp;
import com.allocar.payments.provider.ProviderPaymentRef;
import com.allocar.payments.provider.ProviderPaymentStatus;
import com.allocar.payments.provider.ProviderStatus;
import com.allocar.payments.provider.ProviderUnavailableException;
import com.allocar.payments.provider.RefundResult;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Orange Money Web Payment: OAuth client-credentials token (cached until shortly before it expires),
 * {@code POST {base}/webpayment} → {@code payment_url}, {@code pay_token}, {@code notif_token};
 * {@code POST {base}/transactionstatus}. Every attempt has its own {@code order_id} (our payment id without dashes,
 * a dash and 6 random characters: 39 characters), which is the attempt's provider ref. The {@code notif_url} is
 * {@code ALLOCAR_PUBLIC_API_URL/payments/webhook/orange?payment_id=<our payment id>}, since Orange's notification
 * does not name the order. There is no refund API.
 */
@ApplicationScoped
public class OrangeGateway extends ProviderGateway {
    public static final String WEBHOOK_PATH = "/payments/webhook/orange";
    private static final Logger LOG = Logger.getLogger(OrangeGateway.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private OrangeSettings settings;
    private AccessTokenCache tokens;

    public OrangeGateway() {
        super(PaymentProvider.orange);
    }

    public OrangeGateway(OrangeSettings settings, HttpClient client, Clock clock) {
        this();
        configure(settings, client, clock);
    }

    @PostConstruct
    void init() {
        configure(OrangeSettings.from(ProviderConfig.microProfile()), ProviderHttp.newClient(), Clock.systemUTC());
        LOG.info(() -> "orange: " + settings);
    }

    private void configure(OrangeSettings configured, HttpClient client, Clock clock) {
        this.settings = configured;
        this.tokens = new AccessTokenCache(clock);
        connect(client, new OrangeNotificationVerifier());
    }

    @Override
    public boolean available() {
        return settings.available();
    }

    @Override
    public Checkout start(CheckoutRequest request) {
        requireAvailable();
        if (request.returnUrl() == null || request.cancelUrl() == null) {
            throw new IllegalArgumentException("Orange Money needs a return URL and a cancel URL");
        }
        String orderId = orderId(request);
        JsonObject body = Json.createObjectBuilder()
                .add("merchant_key", settings.merchantKey())
                .add("currency", settings.currency())
                .add("order_id", orderId)
                .add("amount", request.amount())
                .add("return_url", request.returnUrl())
                .add("cancel_url", request.cancelUrl())
                .add("notif_url", settings.callbackBase() + WEBHOOK_PATH + "?payment_id=" + request.paymentId())
                .add("lang", settings.lang())
                .add("reference", settings.reference())
                .build();
        ProviderHttp.Response response = withToken(token -> http().send(post("/webpayment", token, body)));
        if (!response.successful()) {
            throw http().failure("webpayment", response, OrangeGateway::errorCode);
        }
        JsonObject answer = http().json("webpayment", response);
        String paymentUrl = JsonFields.string(answer, "payment_url");
        String payToken = JsonFields.string(answer, "pay_token");
        String notifToken = JsonFields.string(answer, "notif_token");
        if (paymentUrl == null || payToken == null || notifToken == null) {
            throw new ProviderUnavailableException(PaymentProvider.orange, response.status(), null,
                    "webpayment answered without payment_url, pay_token or notif_token", null);
        }
        return new Checkout(PaymentProvider.orange, orderId, paymentUrl, payToken, notifToken,
                ProviderPaymentStatus.pending, null, false, Map.of("payment_url", paymentUrl),
                JsonFields.without(answer, Set.of("notif_token")));
    }

    /** {@code POST {base}/transactionstatus {order_id, amount, pay_token}}; needs the stored pay_token. */
    @Override
    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = ProviderUnavailableException.class)
    public ProviderStatus lookUp(ProviderPaymentRef ref) {
        requireAvailable();
        if (ref.payToken() == null) {
            throw new IllegalArgumentException("an Orange Money look-up needs the attempt's pay_token");
        }
        JsonObject body = Json.createObjectBuilder()
                .add("order_id", ref.providerRef())
                .add("amount", ref.amount())
                .add("pay_token", ref.payToken())
                .build();
        ProviderHttp.Response response = withToken(token -> http().send(post("/transactionstatus", token, body)));
        if (!response.successful()) {
            throw http().failure("transactionstatus", response, OrangeGateway::errorCode);
        }
        JsonObject answer = http().json("transactionstatus", response);
        String status = JsonFields.string(answer, "status");
        String orderId = JsonFields.string(answer, "order_id");
        return new ProviderStatus(PaymentProvider.orange, status(status), status, null, null, null,
                orderId == null ? ref.providerRef() : orderId, JsonFields.string(answer, "txnid"),
                "FAILED".equals(status) ? JsonFields.string(answer, "message") : null, answer.toString());
    }

    /** INITIATED, PENDING → pending; SUCCESS → succeeded; FAILED → failed; EXPIRED → expired. */
    static ProviderPaymentStatus status(String orangeStatus) {
        return switch (orangeStatus == null ? "" : orangeStatus) {
            case "SUCCESS" -> ProviderPaymentStatus.succeeded;
            case "FAILED" -> ProviderPaymentStatus.failed;
            case "EXPIRED" -> ProviderPaymentStatus.expired;
            default -> ProviderPaymentStatus.pending;
        };
    }

    @Override
    public RefundResult refund(ProviderPaymentRef ref, BigDecimal amount, String idempotencyKey) {
        return RefundResult.unsupported("Orange Money web payment has no refund API");
    }

    @Override
    public boolean cancel(ProviderPaymentRef ref) {
        return false;
    }

    private HttpRequest post(String path, String token, JsonObject body) {
        return http().request(java.net.URI.create(settings.apiUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private ProviderHttp.Response withToken(Function<String, ProviderHttp.Response> call) {
        return tokens.withToken(this::fetchToken, call);
    }

    private AccessTokenCache.Token fetchToken() {
        HttpRequest request = http().request(settings.tokenUrl())
                .header("Authorization", ProviderHttp.basic(settings.clientId(), settings.clientSecret()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.form(Map.of("grant_type", "client_credentials"))))
                .build();
        return AccessTokenCache.read(http(), http().send(request), OrangeGateway::errorCode);
    }

    private static String orderId(CheckoutRequest request) {
        StringBuilder id = new StringBuilder(request.paymentId().toString().replace("-", "")).append('-');
        for (int i = 0; i < 6; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /** Orange's error bodies: {@code {"code": 30, "message": "…", "description": "…"}}. */
    static String errorCode(JsonObject error) {
        String code = JsonFields.string(error, "code");
        return code != null ? code : JsonFields.string(error, "error");
    }
}
