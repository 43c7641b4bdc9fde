package com.allocar.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * The Liberty server that liberty-maven-plugin started for the integration tests (one for the whole run).
 * {@code liberty:start} may report success while the application failed, so every test class waits on
 * {@code /health/ready} once.
 */
public final class ItServer {
    private static volatile boolean ready;

    private ItServer() {
    }

    public static String baseUrl() {
        return System.getProperty("allocar.it.baseUrl", "http://localhost:" + env("HTTP_PORT", "9080"));
    }

    public static String httpsBaseUrl() {
        return "https://localhost:" + env("HTTPS_PORT", "9443");
    }

    public static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String notReady;

    public static synchronized void awaitReady() {
        if (ready) {
            return;
        }
        if (notReady != null) {
            // one wait is enough: a server that did not start fails every later class at once, not after 3 minutes each
            throw new IllegalStateException(notReady);
        }
        // The server routes the trips it creates through OSRM_URL: the stand-in must answer before any test runs.
        if (System.getenv("ALLOCAR_IT_OSRM_PORT") != null) {
            OsrmStandIn.start();
        }
        // Every booking transition pushes to the devices of its parties: FCM answers from the start too.
        if (System.getenv(FcmStandIn.PORT_VARIABLE) != null) {
            FcmStandIn.start();
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    ready = true;
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (Exception e) {
                last = e.toString();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        notReady = "AlloCar did not become ready: " + last;
        throw new IllegalStateException(notReady);
    }
}
