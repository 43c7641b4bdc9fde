package com.allocar.payments.mtn;

import com.allocar.payments.PaymentProvider;
import com.allocar.payments.provider.AccessTokenCache;
import com.allocar.payments.provider.Amounts;
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
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * MTN MoMo Collection: token ({@code POST /collection/token/}, Basic API user:API key, cached), request to pay
 * ({@code POST /collection/v1_0/requesttopay} → 202) and its status ({@code GET …/requesttopay/{referenceId}}).
 * The {@code X-Reference-Id} is our payment id (a UUID v4, as {@code gen_random_uuid()} makes them), so a repeated
 * request for the same payment is refused by MTN as a duplicate (409) instead of charging twice, and is reported as
 * the existing attempt. The payer approves on the phone: no redirect. No refund in the Collection API.
 */
@ApplicationScoped
public class MtnGateway extends ProviderGateway {
    public static final String WEBHOOK_PATH = "/payments/webhook/mtn";
    private static final Logger LOG = Logger.getLogger(MtnGateway.class.getName());
    private static final int NOTE_MAX = 160;

    private MtnSettings settings;
    private AccessTokenCache tokens;

    public MtnGateway() {
        super(PaymentProvider.mtn);
    }

    public MtnGateway(MtnSettings settings, HttpClient client, Clock clock) {
        this();
        configure(settings, client, clock);
    }

    @PostConstruct
    void init() {
        configure(MtnSettings.from(ProviderConfig.microProfile()), ProviderHttp.newClient(), Clock.systemUTC());
        LOG.info(() -> "mtn: " + settings);
    }

    private void configure(MtnSettings configured, HttpClient client, Clock clock) {
        this.settings = configured;
        this.tokens = new AccessTokenCache(clock);
        connect(client, new MtnCallbackParser(configured));
    }

    @Override
    public boolean available() {
        return settings.available();
    }

    @Override
    public Checkout start(CheckoutRequest request) {
        requireAvailable();
        String msisdn = msisdn(request.payerPhone());
        String referenceId = request.paymentId().toString();
        String note = note(request.description());
        JsonObject body = Json.createObjectBuilder()
                .add("amount", Amounts.wire(request.amount()))
                .add("currency", settings.currency())
                .add("externalId", referenceId)
                .add("payer", Json.createObjectBuilder().add("partyIdType", "MSISDN").add("partyId", msisdn))
                .add("payerMessage", note)
                .add("payeeNote", note)
                .build();
        ProviderHttp.Response response = withToken(token -> {
            HttpRequest.Builder post = api("/collection/v1_0/requesttopay", token)
                    .header("X-Reference-Id", referenceId)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            if (settings.callbackBase() != null) {
                post.header("X-Callback-Url", settings.callbackBase() + WEBHOOK_PATH + "?payment_id=" + referenceId);
            }
            return http().send(post.build());
        });
        boolean duplicate = response.status() == 409;
        if (!response.successful() && !duplicate) {
            throw http().failure("requesttopay", response, MtnGateway::errorCode);
        }
        return new Checkout(PaymentProvider.mtn, referenceId, null, null, null, ProviderPaymentStatus.pending, null,
                duplicate, Map.of("reference_id", referenceId), null);
    }

    @Override
    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = ProviderUnavailableException.class)
    public ProviderStatus lookUp(ProviderPaymentRef ref) {
        requireAvailable();
        ProviderHttp.Response response = withToken(token -> http().send(
                api("/collection/v1_0/requesttopay/" + ProviderHttp.segment(ref.providerRef()), token).GET().build()));
        if (!response.successful()) {
            throw http().failure("requesttopay status", response, MtnGateway::errorCode);
        }
        JsonObject answer = http().json("requesttopay status", response);
        String status = JsonFields.string(answer, "status");
        String currency = JsonFields.string(answer, "currency");
        return new ProviderStatus(PaymentProvider.mtn, status(status), status, JsonFields.amount(answer, "amount"),
                settings.currency().equals(currency) ? Amounts.XOF : currency, JsonFields.string(answer, "externalId"),
                null, JsonFields.string(answer, "financialTransactionId"), reason(answer), answer.toString());
    }

    /** PENDING, ONGOING → pending; SUCCESSFUL → succeeded; FAILED, REJECTED → failed; TIMEOUT, EXPIRED → expired. */
    static ProviderPaymentStatus status(String mtnStatus) {
        return switch (mtnStatus == null ? "" : mtnStatus) {
            case "SUCCESSFUL" -> ProviderPaymentStatus.succeeded;
            case "FAILED", "REJECTED" -> ProviderPaymentStatus.failed;
            case "TIMEOUT", "EXPIRED" -> ProviderPaymentStatus.expired;
            default -> ProviderPaymentStatus.pending;
        };
    }

    /** {@code reason} is a code ({@code "NOT_ENOUGH_FUNDS"}) or an object {@code {"code", "message"}}. */
    static String reason(JsonObject answer) {
        JsonValue reason = answer == null ? null : answer.get("reason");
        if (reason instanceof JsonString text) {
            return text.getString();
        }
        if (reason instanceof JsonObject object) {
            return JsonFields.string(object, "code");
        }
        return null;
    }

    @Override
    public RefundResult refund(ProviderPaymentRef ref, BigDecimal amount, String idempotencyKey) {
        return RefundResult.unsupported("MTN MoMo Collection has no refund");
    }

    @Override
    public boolean cancel(ProviderPaymentRef ref) {
        return false;
    }

    private HttpRequest.Builder api(String path, String token) {
        return http().request(URI.create(settings.apiUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("X-Target-Environment", settings.targetEnvironment())
                .header("Ocp-Apim-Subscription-Key", settings.subscriptionKey());
    }

    private ProviderHttp.Response withToken(Function<String, ProviderHttp.Response> call) {
        return tokens.withToken(this::fetchToken, call);
    }

    private AccessTokenCache.Token fetchToken() {
        HttpRequest request = http().request(URI.create(settings.apiUrl() + "/collection/token/"))
                .header("Authorization", ProviderHttp.basic(settings.apiUser(), settings.apiKey()))
                .header("Ocp-Apim-Subscription-Key", settings.subscriptionKey())
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return AccessTokenCache.read(http(), http().send(request), MtnGateway::errorCode);
    }

    /** {@code +2250501234567} → {@code 2250501234567}: MTN wants the international number without "+". */
    static String msisdn(String phone) {
        if (phone == null || !phone.matches("\\+?[1-9][0-9]{7,14}")) {
            throw new IllegalArgumentException("MTN MoMo needs the payer's phone number in E.164");
        }
        return phone.startsWith("+") ? phone.substring(1) : phone;
    }

    private static String note(String description) {
        String text = description == null || description.isBlank() ? "AlloCar" : description.strip();
        return text.length() > NOTE_MAX ? text.substring(0, NOTE_MAX) : text;
    }

    /** MTN's error bodies: {@code {"code": "RESOURCE_ALREADY_EXIST", "message": "…"}} (or {@code error}). */
    static String errorCode(JsonObject error) {
        String code = JsonFields.string(error, "code");
        return code != null ? code : JsonFields.string(error, "error");
    }
}
