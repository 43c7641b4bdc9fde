package com.allocar.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A stand-in for OSRM: WireMock on {@code ALLOCAR_IT_OSRM_PORT}, where {@code scripts/test} points the server's
 * {@code OSRM_URL}. Started once per test JVM by {@link ItServer#awaitReady()} (the server routes every trip it
 * creates, so it must always answer: failures would feed its circuit breaker). Every route is answered
 * {@code {"code": "Ok", "routes": [{"distance": 250000, "duration": 12600}]}} unless a test stubbed the points of its
 * own trip. Tests pick points nobody else uses ({@link #point}), so their stubs never touch another test's trips.
 * Points are given as latitude, longitude pairs; OSRM's path puts the longitude first, as {@link #path} does.
 *
 * <pre>
 * double[] from = OsrmStandIn.point(5.30, -4.02), to = OsrmStandIn.point(6.80, -5.27);
 * OsrmStandIn.route(123_456, 5_432, from, to);
 * … create the trip from `from` to `to`: distance_m is 123456 …
 * </pre>
 */
public final class OsrmStandIn {
    public static final int DEFAULT_DISTANCE_M = 250_000;
    public static final int DEFAULT_DURATION_S = 12_600;
    private static final String PREFIX = "/route/v1/driving/";
    private static final int DEFAULT_PRIORITY = 10;
    private static final int STUB_PRIORITY = 1;
    private static WireMockServer server;

    private OsrmStandIn() {
    }

    public static synchronized void start() {
        if (server != null) {
            return;
        }
        int port = Integer.parseInt(SmsStandIn.requiredEnv("ALLOCAR_IT_OSRM_PORT"));
        WireMockServer started = new WireMockServer(options().bindAddress("127.0.0.1").port(port)
                .containerThreads(8).jettyAcceptors(1));
        started.start();
        started.stubFor(get(urlPathMatching(PREFIX + ".*")).atPriority(DEFAULT_PRIORITY)
                .willReturn(ok(DEFAULT_DISTANCE_M, DEFAULT_DURATION_S)));
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "osrm-stand-in-stop"));
        server = started;
    }

    /**
     * A point near ({@code lat}, {@code lon}), moved by a random few hundred metres, so that a test's stubs match
     * its own trips only.
     */
    public static double[] point(double lat, double lon) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return new double[] {round(lat + random.nextDouble(-0.005, 0.005)), round(lon + random.nextDouble(-0.005, 0.005))};
    }

    /** The request path for a route through {@code points} ({lat, lon} each), as the server writes it. */
    public static String path(double[]... points) {
        List<String> parts = new ArrayList<>();
        for (double[] point : points) {
            parts.add(String.format(Locale.ROOT, "%.6f,%.6f", point[1], point[0]));
        }
        return PREFIX + String.join(";", parts);
    }

    /** The route through {@code points} is {@code distanceM} long and takes {@code durationS}. */
    public static void route(int distanceM, int durationS, double[]... points) {
        answer(ok(distanceM, durationS), points);
    }

    /** The route through {@code points} answers this HTTP status. */
    public static void fail(int status, double[]... points) {
        answer(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"Error\",\"message\":\"stand-in failure\"}"), points);
    }

    /** The route through {@code points} answers after {@code millis} (beyond the server's timeout, say). */
    public static void delay(int millis, double[]... points) {
        answer(ok(DEFAULT_DISTANCE_M, DEFAULT_DURATION_S).withFixedDelay(millis), points);
    }

    /** OSRM found no route through {@code points}: 200 with code NoRoute and no routes. */
    public static void noRoute(double[]... points) {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"NoRoute\",\"message\":\"Impossible route between points\",\"routes\":[]}"), points);
    }

    /** How many times the server asked for the route through {@code points}. */
    public static int requests(double[]... points) {
        return running().countRequestsMatching(getRequestedFor(urlPathEqualTo(path(points))).build()).getCount();
    }

    private static void answer(ResponseDefinitionBuilder response, double[]... points) {
        running().stubFor(get(urlPathEqualTo(path(points))).atPriority(STUB_PRIORITY).willReturn(response));
    }

    private static ResponseDefinitionBuilder ok(int distanceM, int durationS) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"Ok\",\"waypoints\":[],\"routes\":[{\"distance\":" + distanceM + ".4,\"duration\":"
                        + durationS + ".2,\"weight\":" + durationS + ",\"legs\":[]}]}");
    }

    private static double round(double value) {
        return Math.round(value * 1e5) / 1e5;
    }

    private static synchronized WireMockServer running() {
        if (server == null) {
            throw new IllegalStateException("OsrmStandIn.start() first");
        }
        return server;
    }
}
