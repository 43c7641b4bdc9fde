package com.allocar.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The S3 stand-in (Adobe S3Mock) that {@code scripts/test} starts with the public and KYC buckets and whose
 * address it gives the server ({@code S3_ENDPOINT}). Tests move bytes through the presigned URLs the API
 * returns, as the apps do, with a plain HTTP client. S3Mock checks no signature and has no access control:
 * what it proves is that the URLs work, not that a bucket is private.
 */
public final class S3StandIn {
    private static final Pattern URL = Pattern.compile("https?://[^\"\\s]+");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private S3StandIn() {
    }

    public static String endpoint() {
        String endpoint = System.getenv("S3_ENDPOINT");
        if (endpoint == null) {
            throw new IllegalStateException("S3_ENDPOINT is not set: run the tests with scripts/test");
        }
        return endpoint;
    }

    public static String publicBucket() {
        return ItServer.env("S3_PUBLIC_BUCKET", "allocar-public");
    }

    public static String kycBucket() {
        return ItServer.env("S3_KYC_BUCKET", "allocar-kyc");
    }

    /** The unsigned address of an object: what must never be handed out for the KYC bucket. */
    public static String plainUrl(String bucket, String key) {
        return endpoint() + "/" + bucket + "/" + key;
    }

    /** Some random bytes standing for an image. */
    public static byte[] randomImage(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** Sends {@code body} with {@code method} to a presigned upload URL, with the headers the API gave. */
    public static int upload(String method, String url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build()).statusCode();
    }

    /** A plain GET, without credentials (presigned URLs carry theirs). */
    public static HttpResponse<byte[]> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build());
    }

    /** Every http(s) URL in a response body. */
    public static List<String> urlsIn(String body) {
        List<String> urls = new ArrayList<>();
        Matcher matcher = URL.matcher(body);
        while (matcher.find()) {
            urls.add(matcher.group());
        }
        return urls;
    }

    /** The decoded query parameters of a URL (X-Amz-Signature, X-Amz-Expires …). */
    public static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                parameters.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("S3 stand-in unreachable at " + request.uri().getHost() + ":"
                    + request.uri().getPort(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
