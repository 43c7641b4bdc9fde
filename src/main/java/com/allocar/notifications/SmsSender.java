package com.allocar.notifications;

import com.allocar.platform.deployment.DeploymentEnvironment;
import com.allocar.platform.web.HttpUrls;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Sends SMS through the aggregator ({@link SmsApi}). Without {@code SMS_API_URL} the message is written to the log
 * instead, text included, and counts as sent, outside production only; in production it fails ({@link DeliveryMode}).
 * Outcome of a request: 2xx delivered; a 4xx other than 408 and 429 is permanent (the aggregator refuses this
 * message); 5xx, 408, 429 and I/O errors (timeouts included) are retried by the outbox. The text is never logged
 * when really sending.
 */
@ApplicationScoped
public class SmsSender {
    static final long CONNECT_TIMEOUT_MS = 2_000;
    static final long READ_TIMEOUT_MS = 5_000;
    static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";
    private static final Logger LOG = Logger.getLogger(SmsSender.class.getName());

    @Inject
    @ConfigProperty(name = "SMS_API_URL")
    Optional<String> apiUrl;

    @Inject
    @ConfigProperty(name = "SMS_API_KEY")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "SMS_SENDER", defaultValue = "AlloCar")
    String sender;

    @Inject
    @ConfigProperty(name = DeploymentEnvironment.SETTING, defaultValue = "production")
    DeploymentEnvironment environment;

    private SmsApi api;
    private DeliveryMode mode;
    private String target;

    @PostConstruct
    void init() {
        URI uri = HttpUrls.optional("SMS_API_URL", apiUrl).orElse(null);
        mode = DeliveryMode.of(uri != null, environment);
        if (mode == DeliveryMode.log) {
            target = "development log (SMS_API_URL unset)";
            return;
        }
        if (mode == DeliveryMode.none) {
            target = "nowhere (SMS_API_URL unset in production: every SMS fails)";
            LOG.severe("SMS_API_URL is not set in production: SMS fail and are never logged");
            return;
        }
        if (apiKey.filter(k -> !k.isBlank()).isEmpty()) {
            LOG.warning("SMS_API_KEY is not set: SMS requests go without Authorization");
        }
        target = uri.getScheme() + "://" + uri.getAuthority();
        api = RestClientBuilder.newBuilder()
                .baseUri(uri)
                .connectTimeout(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .readTimeout(READ_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .property(DISABLE_DEFAULT_MAPPER, Boolean.TRUE)
                .build(SmsApi.class);
    }

    @PreDestroy
    void close() {
        if (api != null) {
            api.close();
        }
    }

    /** Where SMS go, for the start-up log line (scheme and host only). */
    public String target() {
        return target;
    }

    public DeliveryMode mode() {
        return mode;
    }

    public void send(String phoneE164, String text) throws DeliveryException {
        if (phoneE164 == null || !Notifications.E164.matcher(phoneE164).matches()) {
            throw DeliveryException.permanent("recipient is not an E.164 phone number");
        }
        if (mode == DeliveryMode.none) {
            throw DeliveryMode.unconfigured("SMS_API_URL");
        }
        if (mode == DeliveryMode.log) {
            LOG.info(() -> "development: not sent — SMS to " + LogMask.phone(phoneE164) + ": " + text);
            return;
        }
        String authorization = apiKey.filter(k -> !k.isBlank()).map(k -> "Bearer " + k.strip()).orElse(null);
        int status;
        try (Response response = api.send(authorization, new SmsApi.SmsRequest(phoneE164, text, sender))) {
            status = response.getStatus();
        } catch (WebApplicationException e) {
            status = e.getResponse().getStatus();
        } catch (ProcessingException e) {
            throw DeliveryException.retryable("SMS API unreachable: " + DeliveryException.describe(e), e);
        }
        DeliveryException failure = failureFor(status);
        if (failure != null) {
            throw failure;
        }
    }

    /** The failure a status of the aggregator means, or null when the message was accepted. */
    static DeliveryException failureFor(int status) {
        if (status >= 200 && status < 300) {
            return null;
        }
        String reason = "SMS API answered HTTP " + status;
        boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
        return permanent ? DeliveryException.permanent(reason) : DeliveryException.retryable(reason);
    }
}
