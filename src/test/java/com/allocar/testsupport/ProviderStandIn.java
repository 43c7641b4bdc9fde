package com.allocar.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * What the payment provider stand-ins share: a WireMock server whose every request is answered by the stand-in's
 * own code ({@link #handle}), from in-memory state, in the provider's wire format; the request journal; injected
 * failures ({@link #failNext}). The port is {@code portVariable} when {@code scripts/test} set it (the server's
 * {@code *_API_URL} points there) and a free one otherwise (plain unit tests).
 */
public abstract class ProviderStandIn {
    private final WireMockServer server;
    private final String name;
    private final ConcurrentLinkedQueue<Injected> injected = new ConcurrentLinkedQueue<>();

    /** An answer of the stand-in. */
    protected record Reply(int status, String body, Map<String, String> headers) {
        static Reply json(int status, JsonObject body) {
            return new Reply(status, body.toString(), Map.of("Content-Type", "application/json"));
        }

        static Reply empty(int status) {
            return new Reply(status, "", Map.of());
        }
    }

    private static final class Injected {
        final String method;
        final Pattern path;
        final int status;
        final String body;
        final int delayMs;
        final String bodyContains;
        int remaining;

        Injected(String method, Pattern path, int status, String body, int delayMs, int times, String bodyContains) {
            this.method = method;
            this.path = path;
            this.bodyContains = bodyContains;
            this.status = status;
            this.body = body;
            this.delayMs = delayMs;
            this.remaining = times;
        }
    }

    protected ProviderStandIn(String name, String portVariable) {
        this.name = name;
        String fixed = System.getenv(portVariable);
        int port = fixed == null || fixed.isBlank() ? 0 : Integer.parseInt(fixed);
        ResponseDefinitionTransformerV2 transformer = new ResponseDefinitionTransformerV2() {
            @Override
            public ResponseDefinition transform(ServeEvent event) {
                return answer(event.getRequest());
            }

            @Override
            public boolean applyGlobally() {
                return false;
            }

            @Override
            public String getName() {
                return name;
            }
        };
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(port).containerThreads(8)
                .jettyAcceptors(1).extensions(transformer));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(name)));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, name + "-stand-in-stop"));
    }

    /** How long the stand-in takes to answer such a request (a slow provider); none unless a stand-in says so. */
    protected int delayFor(String method, String path) {
        return 0;
    }

    /** Answers one request (method, path, query, headers, body) from the stand-in's state. */
    protected abstract Reply handle(Request request, String method, String path);

    private synchronized ResponseDefinition answer(Request request) {
        String method = request.getMethod().getName();
        String path = request.getUrl().split("\\?", 2)[0];
        Reply reply = null;
        int delay = 0;
        for (Iterator<Injected> it = injected.iterator(); it.hasNext(); ) {
            Injected failure = it.next();
            if (failure.method.equals(method) && failure.path.matcher(path).matches()
                    && (failure.bodyContains == null || request.getBodyAsString().contains(failure.bodyContains))) {
                reply = new Reply(failure.status, failure.body, Map.of("Content-Type", "application/json"));
                delay = failure.delayMs;
                if (--failure.remaining <= 0) {
                    it.remove();
                }
                break;
            }
        }
        if (reply == null) {
            try {
                reply = handle(request, method, path);
            } catch (RuntimeException e) {
                reply = new Reply(500, "{\"message\":\"stand-in bug: " + e + "\"}", Map.of());
            }
        }
        if (delay == 0) {
            delay = delayFor(method, path);
        }
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition().withStatus(reply.status())
                .withBody(reply.body());
        reply.headers().forEach(builder::withHeader);
        if (delay > 0) {
            builder.withFixedDelay(delay);
        }
        return builder.build();
    }

    /**
     * The next {@code times} {@code method} requests whose path matches {@code pathRegex} are answered
     * {@code status} with {@code body} (JSON) after {@code delayMs}, without touching the state.
     */
    public void failNext(String method, String pathRegex, int status, String body, int delayMs, int times) {
        injected.add(new Injected(method, Pattern.compile(pathRegex), status, body, delayMs, times, null));
    }

    /**
     * As {@link #failNext(String, String, int, String, int, int)}, for requests whose body contains
     * {@code bodyContains} only (one payment's look-up, while the server's poller may look up others meanwhile).
     */
    public void failNextAbout(String bodyContains, String method, String pathRegex, int status, String body, int times) {
        injected.add(new Injected(method, Pattern.compile(pathRegex), status, body, 0, times, bodyContains));
    }

    public void failNext(String method, String pathRegex, int status, int times) {
        failNext(method, pathRegex, status, "{\"message\":\"stand-in failure\"}", 0, times);
    }

    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The requests so far whose method and path (no query) match, oldest first. */
    public List<LoggedRequest> requests(String method, String pathRegex) {
        Pattern path = Pattern.compile(pathRegex);
        List<LoggedRequest> found = new ArrayList<>();
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        for (ServeEvent event : events) {
            LoggedRequest request = event.getRequest();
            if (request.getMethod().getName().equals(method) && path.matcher(request.getUrl().split("\\?", 2)[0]).matches()) {
                found.add(request);
            }
        }
        return found;
    }

    protected static JsonObject parseJson(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    protected static Map<String, String> parseForm(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(key, value);
        }
        return fields;
    }

    protected static String randomId(int length) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, length);
    }

    protected static String env(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public String toString() {
        return name + " stand-in on " + baseUrl();
    }
}
