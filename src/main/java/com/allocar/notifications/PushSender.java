package com.allocar.notifications;

import com.allocar.platform.deployment.DeploymentEnvironment;
import com.allocar.platform.web.HttpUrls;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends push notifications through Firebase Cloud Messaging's HTTP v1 API: {@code POST
 * $FCM_API_URL/v1/projects/$FCM_PROJECT_ID/messages:send} with a bearer token of the service account in
 * {@code FCM_CREDENTIALS} (its JSON key, or the path of that file), scope {@value #SCOPE}. The token is fetched from
 * the key's {@code token_uri} and reused until it nearly expires (google-auth-library's cache); a 401 makes the next
 * send fetch a new one. Without {@code FCM_CREDENTIALS} pushes are logged outside production and not queued at all in
 * production ({@link #canPush()}).
 * <p>
 * Outcomes: 2xx delivered; 404 or {@code UNREGISTERED} / {@code SENDER_ID_MISMATCH} the token is gone (the outbox
 * deletes it); 429, 5xx, 408, 401 and I/O errors are retried by the outbox; any other 4xx is permanent.
 */
@ApplicationScoped
public class PushSender {
    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(PushSender.class.getName());

    @Inject
    @ConfigProperty(name = "FCM_CREDENTIALS")
    Optional<String> credentialsSetting;

    @Inject
    @ConfigProperty(name = "FCM_PROJECT_ID")
    Optional<String> projectSetting;

    @Inject
    @ConfigProperty(name = "FCM_API_URL", defaultValue = "https://fcm.googleapis.com")
    String apiUrl;

    @Inject
    @ConfigProperty(name = DeploymentEnvironment.SETTING, defaultValue = "production")
    DeploymentEnvironment environment;

    private GoogleCredentials credentials;
    private final AtomicBoolean staleToken = new AtomicBoolean();
    private HttpClient http;
    private URI sendUri;
    private DeliveryMode mode;
    private String target;

    @PostConstruct
    void init() {
        credentials = credentialsSetting.map(String::strip).filter(s -> !s.isEmpty()).map(PushSender::credentials)
                .orElse(null);
        mode = DeliveryMode.of(credentials != null, environment);
        if (mode == DeliveryMode.log) {
            target = "development log (FCM_CREDENTIALS unset)";
            return;
        }
        if (mode == DeliveryMode.none) {
            target = "nowhere (FCM_CREDENTIALS unset in production: no push is queued)";
            LOG.severe("FCM_CREDENTIALS is not set in production: no push notification is sent");
            return;
        }
        String project = projectSetting.map(String::strip).filter(p -> !p.isEmpty())
                .orElseGet(() -> credentials instanceof ServiceAccountCredentials account ? account.getProjectId() : null);
        if (project == null || !project.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalStateException("FCM_PROJECT_ID is not set (nor a project_id in FCM_CREDENTIALS), or is not "
                    + "a project id");
        }
        URI base = HttpUrls.optional("FCM_API_URL", Optional.of(apiUrl)).orElseThrow(
                () -> new IllegalStateException("FCM_API_URL is empty"));
        String root = base.toString().replaceAll("/+$", "");
        sendUri = URI.create(root + "/v1/projects/" + project + "/messages:send");
        target = base.getScheme() + "://" + base.getAuthority() + " (project " + project + ")";
        http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The service account of {@code FCM_CREDENTIALS}: the JSON key itself, or the path of its file. */
    static GoogleCredentials credentials(String setting) {
        try {
            byte[] json = setting.startsWith("{") ? setting.getBytes(StandardCharsets.UTF_8)
                    : Files.readAllBytes(Path.of(setting));
            return ServiceAccountCredentials.fromStream(new ByteArrayInputStream(json)).createScoped(List.of(SCOPE));
        } catch (IOException | RuntimeException e) {
            // never echo the setting: it holds a private key
            throw new IllegalStateException("FCM_CREDENTIALS is neither a service account's JSON key nor the path of "
                    + "one: " + e.getClass().getSimpleName());
        }
    }

    /** Where pushes go, for the start-up log line. */
    public String target() {
        return target;
    }

    public DeliveryMode mode() {
        return mode;
    }

    /** Whether a push may be queued: FCM is configured, or pushes are logged (outside production). */
    public boolean canPush() {
        return mode != DeliveryMode.none;
    }

    /** Sends one notification to one device token; {@code data}'s values are strings (FCM requires it). */
    public void send(String token, String title, String body, Map<String, String> data) throws DeliveryException {
        if (token == null || token.isBlank()) {
            throw DeliveryException.permanent("no device token");
        }
        if (mode == DeliveryMode.none) {
            throw DeliveryMode.unconfigured("FCM_CREDENTIALS");
        }
        if (mode == DeliveryMode.log) {
            LOG.info(() -> "development: not sent — push to " + LogMask.recipient(OutboxChannel.push, token) + ": "
                    + title + " — " + body + " " + data);
            return;
        }
        String bearer = accessToken();
        HttpRequest request = HttpRequest.newBuilder(sendUri).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(message(token, title, body, data).toString(),
                        StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw DeliveryException.retryable("FCM unreachable: " + DeliveryException.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.retryable("interrupted while sending to FCM", e);
        }
        if (response.statusCode() == 401) {
            staleToken.set(true);
        }
        DeliveryException failure = failureFor(response.statusCode(), response.body());
        if (failure != null) {
            throw failure;
        }
    }

    private String accessToken() throws DeliveryException {
        try {
            synchronized (credentials) {
                if (staleToken.getAndSet(false)) {
                    credentials.refresh();
                } else {
                    credentials.refreshIfExpired();
                }
                AccessToken token = credentials.getAccessToken();
                if (token == null) {
                    throw DeliveryException.retryable("no FCM access token");
                }
                return token.getTokenValue();
            }
        } catch (IOException | RuntimeException e) {
            throw DeliveryException.retryable("FCM access token: " + DeliveryException.describe(e), e);
        }
    }

    /** The HTTP v1 message of providers.md: notification, data, high priority on Android and APNs. */
    static JsonObject message(String token, String title, String body, Map<String, String> data) {
        JsonObjectBuilder values = Json.createObjectBuilder();
        data.forEach(values::add);
        return Json.createObjectBuilder().add("message", Json.createObjectBuilder()
                .add("token", token)
                .add("notification", Json.createObjectBuilder().add("title", title).add("body", body))
                .add("data", values)
                .add("android", Json.createObjectBuilder().add("priority", "high"))
                .add("apns", Json.createObjectBuilder().add("headers",
                        Json.createObjectBuilder().add("apns-priority", "10"))))
                .build();
    }

    /** The failure an FCM answer means, or null when the message was accepted. */
    static DeliveryException failureFor(int status, String body) {
        if (status >= 200 && status < 300) {
            return null;
        }
        String errorCode = errorCode(body);
        String reason = "FCM answered HTTP " + status + (errorCode == null ? "" : " " + errorCode);
        if (status == 404 || "UNREGISTERED".equals(errorCode) || "SENDER_ID_MISMATCH".equals(errorCode)) {
            return DeliveryException.gone(reason);
        }
        if (status == 401 || status == 408 || status == 429 || status >= 500) {
            return DeliveryException.retryable(reason);
        }
        return DeliveryException.permanent(reason);
    }

    /** The {@code errorCode} of the {@code FcmError} detail of an error answer, else its {@code status}, else null. */
    static String errorCode(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue root = reader.readValue();
            if (!(root instanceof JsonObject object) || !(object.get("error") instanceof JsonObject error)) {
                return null;
            }
            if (error.get("details") instanceof JsonArray details) {
                for (JsonValue detail : details) {
                    if (detail instanceof JsonObject fcm && fcm.get("errorCode") instanceof JsonString code) {
                        return code.getString();
                    }
                }
            }
            return error.get("status") instanceof JsonString status ? status.getString() : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
