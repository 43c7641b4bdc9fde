package com.allocar.payments.provider;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A webhook delivery as it arrived: headers (names case-insensitive), query parameters and the raw body bytes,
 * exactly as received (signatures cover the bytes; never re-serialise a parsed body before verifying).
 */
public final class WebhookRequest {
    private final Map<String, List<String>> headers;
    private final Map<String, String> query;
    private final byte[] body;

    public WebhookRequest(Map<String, List<String>> headers, Map<String, String> query, byte[] body) {
        TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> byName.merge(name, values == null ? List.of() : List.copyOf(values),
                    (a, b) -> {
                        java.util.ArrayList<String> all = new java.util.ArrayList<>(a);
                        all.addAll(b);
                        return List.copyOf(all);
                    }));
        }
        this.headers = byName;
        this.query = query == null ? Map.of() : Map.copyOf(query);
        this.body = Objects.requireNonNull(body, "body").clone();
    }

    /** A request with single-valued headers. */
    public static WebhookRequest of(Map<String, String> headers, Map<String, String> query, byte[] body) {
        Map<String, List<String>> multi = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new WebhookRequest(multi, query, body);
    }

    /** The header's first value, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value of the header (a repeated header is several values). */
    public List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    public String query(String name) {
        return query.get(name);
    }

    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text (for parsing after verification, and for the inbox's payload column). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
