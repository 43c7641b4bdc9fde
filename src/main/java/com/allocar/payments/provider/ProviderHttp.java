package com.allocar.payments.provider;

import com.allocar.payments.PaymentProvider;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP side of one provider adapter, on the JDK's {@link HttpClient} (HTTP/1.1, no redirects): the
 * adapters send form bodies, Basic and Bearer credentials and read raw answers, and must run in plain JUnit
 * tests against WireMock as well as inside Liberty, which a MicroProfile Rest Client cannot. Every request has
 * a connect timeout ({@link #CONNECT_TIMEOUT}) and an overall timeout ({@code requestTimeout}). I/O errors and
 * timeouts become {@link ProviderUnavailableException}; {@link #failure} classifies an unsuccessful answer.
 * Logged at FINE: provider, method, path, status and latency; never headers, bodies or query strings.
 */
public final class ProviderHttp {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(ProviderHttp.class.getName());

    private final PaymentProvider provider;
    private final HttpClient client;
    private final Duration requestTimeout;

    public ProviderHttp(PaymentProvider provider, HttpClient client, Duration requestTimeout) {
        this.provider = provider;
        this.client = client;
        this.requestTimeout = requestTimeout;
    }

    public ProviderHttp(PaymentProvider provider, HttpClient client) {
        this(provider, client, REQUEST_TIMEOUT);
    }

    /** The client the adapters use in the server. */
    public static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** An answer: status and body (UTF-8). */
    public record Response(int status, String body) {
        public boolean successful() {
            return status >= 200 && status < 300;
        }
    }

    public PaymentProvider provider() {
        return provider;
    }

    /** A request to {@code uri} with the timeout and {@code Accept: application/json}. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", "application/json")
                .header("User-Agent", "AlloCar-backend");
    }

    /** Sends; an I/O error, a timeout or an interruption is a {@link ProviderUnavailableException}. */
    public Response send(HttpRequest request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            LOG.fine(() -> provider + " " + request.method() + " " + request.uri().getPath() + " → "
                    + response.statusCode() + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            return new Response(response.statusCode(), response.body() == null ? "" : response.body());
        } catch (HttpTimeoutException e) {
            throw unavailable(request, "timed out", e);
        } catch (IOException e) {
            throw unavailable(request, "unreachable (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(request, "interrupted", e);
        }
    }

    private ProviderUnavailableException unavailable(HttpRequest request, String what, Throwable cause) {
        LOG.log(Level.WARNING, () -> provider + " " + request.method() + " " + request.uri().getPath() + " " + what);
        return new ProviderUnavailableException(provider, 0, null, request.method() + " " + request.uri().getPath()
                + " " + what, cause);
    }

    /**
     * The exception an unsuccessful answer means: 401/403 (our credentials refused: a configuration problem,
     * logged), 408, 425, 429, 5xx and anything not 4xx → unavailable; any other 4xx → refused.
     *
     * @param codeOf reads the provider's error code from a JSON error body (null when none)
     */
    public ProviderException failure(String what, Response response, Function<JsonObject, String> codeOf) {
        int status = response.status();
        JsonObject body = JsonFields.parseOrNull(response.body());
        String code = body == null ? null : codeOf.apply(body);
        String message = what + " answered HTTP " + status + (code == null ? "" : " (" + code + ")");
        if (status == 401 || status == 403) {
            LOG.warning(() -> provider + ": " + message + ": check the credentials in the configuration");
            return new ProviderUnavailableException(provider, status, code, message, null);
        }
        boolean refused = status >= 400 && status < 500 && status != 408 && status != 425 && status != 429;
        if (refused) {
            LOG.info(() -> provider + ": " + message);
            return new ProviderRefusedException(provider, status, code, message);
        }
        LOG.warning(() -> provider + ": " + message);
        return new ProviderUnavailableException(provider, status, code, message, null);
    }

    /** The successful answer's JSON object; a body that is not one means no usable answer. */
    public JsonObject json(String what, Response response) {
        JsonObject body = JsonFields.parseOrNull(response.body());
        if (body == null) {
            throw new ProviderUnavailableException(provider, response.status(), null,
                    what + " answered HTTP " + response.status() + " without a JSON object", null);
        }
        return body;
    }

    /** {@code application/x-www-form-urlencoded} of the fields, in their order. */
    public static String form(Map<String, String> fields) {
        StringJoiner joined = new StringJoiner("&");
        fields.forEach((name, value) -> {
            if (value != null) {
                joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return joined.toString();
    }

    /** {@code Basic base64(user:password)}. */
    public static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A path segment, percent-encoded ({@code cos-1 2} → {@code cos-1%202}). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
