package com.allocar.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A stand-in for the SMS aggregator: WireMock on {@code ALLOCAR_IT_SMS_PORT}, where {@code scripts/test} points
 * the server's {@code SMS_API_URL}. Started once per test JVM by the first test that calls {@link #start()};
 * messages the server sent before that are retried by its outbox. Every {@code POST /sms} is answered
 * {@code 200 {"status":"queued","id":"…"}} unless {@link #failNext} says otherwise. Tests send to their own
 * {@link Accounts#newPhone()}, so they never see each other's messages.
 *
 * <pre>
 * SmsStandIn.start();
 * String phone = Accounts.newPhone();
 * … sign up with phone …
 * String text = SmsStandIn.awaitMessageTo(phone, Duration.ofSeconds(15));
 * </pre>
 */
public final class SmsStandIn {
    public static final String PATH = "/sms";
    private static final int DEFAULT_PRIORITY = 10;
    private static final int FAILURE_PRIORITY = 1;
    private static WireMockServer server;

    /**
     * One request the server made: what it sent, and how the stand-in answered.
     *
     * @param authorization the {@code Authorization} header, or null
     * @param status        the status the stand-in answered (200, or a {@link #failNext} status)
     */
    public record Sms(String to, String message, String sender, String authorization, String contentType,
                      int status, Instant receivedAt) {
        public boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    private SmsStandIn() {
    }

    /** Starts the stand-in if it is not running yet (once per JVM; stopped when the JVM exits). */
    public static synchronized void start() {
        if (server != null) {
            return;
        }
        int port = Integer.parseInt(requiredEnv("ALLOCAR_IT_SMS_PORT"));
        WireMockServer started = new WireMockServer(options().bindAddress("127.0.0.1").port(port)
                .containerThreads(8).jettyAcceptors(1));
        started.start();
        started.stubFor(post(urlPathEqualTo(PATH)).atPriority(DEFAULT_PRIORITY)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"queued\",\"id\":\"{{randomValue type='UUID'}}\"}")
                        .withTransformers("response-template")));
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "sms-stand-in-stop"));
        server = started;
    }

    public static int port() {
        return running().port();
    }


    /** Every request for {@code phone} so far, oldest first, whatever the stand-in answered. */
    public static List<Sms> requestsTo(String phone) {
        List<ServeEvent> events = new ArrayList<>(running().getAllServeEvents());
        Collections.reverse(events); // WireMock lists the newest first
        List<Sms> found = new ArrayList<>();
        for (ServeEvent event : events) {
            Sms sms = parse(event);
            if (sms != null && phone.equals(sms.to())) {
                found.add(sms);
            }
        }
        found.sort(Comparator.comparing(Sms::receivedAt)); // stable: equal times keep the journal's order
        return found;
    }

    /** The requests for {@code phone} answered 2xx so far (the delivered messages), oldest first. */
    public static List<Sms> deliveredTo(String phone) {
        return requestsTo(phone).stream().filter(Sms::delivered).toList();
    }

    /** The texts delivered to {@code phone} so far, oldest first. */
    public static List<String> messagesTo(String phone) {
        return deliveredTo(phone).stream().map(Sms::message).toList();
    }

    /** Waits for the first message delivered to {@code phone} and returns its text. */
    public static String awaitMessageTo(String phone, Duration timeout) {
        return awaitMessagesTo(phone, 1, timeout).get(0);
    }

    /**
     * Waits until at least {@code count} messages were delivered to {@code phone}; returns all their texts,
     * oldest first (the n-th message is {@code get(n - 1)}).
     */
    public static List<String> awaitMessagesTo(String phone, int count, Duration timeout) {
        return awaitDeliveredTo(phone, count, timeout).stream().map(Sms::message).toList();
    }

    /** As {@link #awaitMessagesTo}, with the whole requests (sender, authorization, status …). */
    public static List<Sms> awaitDeliveredTo(String phone, int count, Duration timeout) {
        return await(() -> {
            List<Sms> delivered = deliveredTo(phone);
            return delivered.size() >= count ? delivered : null;
        }, timeout, () -> count + " SMS to " + phone + "; requests seen: " + requestsTo(phone));
    }

    /** Waits until at least {@code count} requests (whatever the answer) were made for {@code phone}. */
    public static List<Sms> awaitRequestsTo(String phone, int count, Duration timeout) {
        return await(() -> {
            List<Sms> requests = requestsTo(phone);
            return requests.size() >= count ? requests : null;
        }, timeout, () -> count + " requests for " + phone + "; seen: " + requestsTo(phone));
    }

    /** The next {@code times} requests for {@code phone} are answered 500; later ones 200 again. */
    public static void failNext(String phone, int times) {
        failNext(phone, times, 500);
    }

    /** The next {@code times} requests for {@code phone} are answered {@code status}; later ones 200 again. */
    public static void failNext(String phone, int times, int status) {
        WireMockServer wireMock = running();
        String scenario = "fail " + phone + " " + UUID.randomUUID();
        for (int i = 0; i < times; i++) {
            wireMock.stubFor(post(urlPathEqualTo(PATH)).atPriority(FAILURE_PRIORITY)
                    .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed " + i)
                    .willSetStateTo("failed " + (i + 1))
                    .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                            .withBody("{\"status\":\"error\",\"message\":\"stand-in failure " + (i + 1) + "/" + times
                                    + "\"}")));
        }
    }

    private static Sms parse(ServeEvent event) {
        if (!"POST".equals(event.getRequest().getMethod().getName())
                || !PATH.equals(event.getRequest().getUrl().split("\\?")[0])) {
            return null;
        }
        JsonObject body;
        try (JsonReader reader = Json.createReader(new StringReader(event.getRequest().getBodyAsString()))) {
            body = reader.readObject();
        } catch (RuntimeException notJson) {
            return null;
        }
        int status = event.getResponse() == null ? 0 : event.getResponse().getStatus();
        return new Sms(string(body, "to"), string(body, "message"), string(body, "sender"),
                event.getRequest().getHeader("Authorization"), event.getRequest().getHeader("Content-Type"),
                status, event.getRequest().getLoggedDate().toInstant());
    }

    private static String string(JsonObject body, String name) {
        JsonValue value = body.get(name);
        return value instanceof JsonString text ? text.getString() : null;
    }

    private static synchronized WireMockServer running() {
        if (server == null) {
            throw new IllegalStateException("SmsStandIn.start() first");
        }
        return server;
    }

    static <T> T await(Supplier<T> probe, Duration timeout, Supplier<String> what) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what.get(), e);
            }
        }
    }

    static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the integration tests with scripts/test");
        }
        return value;
    }
}
