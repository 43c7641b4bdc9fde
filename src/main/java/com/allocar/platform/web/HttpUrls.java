package com.allocar.platform.web;

import java.net.URI;
import java.util.Optional;

/** Provider base URLs from the environment ({@code SMS_API_URL}, {@code OSRM_URL} …), checked once at start-up. */
public final class HttpUrls {
    private HttpUrls() {
    }

    /**
     * The http(s) URL with a host that {@code setting} holds; empty when unset or blank. A malformed value is an
     * IllegalStateException naming the setting (never its value, which may carry credentials).
     */
    public static Optional<URI> optional(String setting, Optional<String> value) {
        String text = value.map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
        if (text == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not a URL", e);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalStateException(setting + " must be an http(s) URL with a host");
        }
        return Optional.of(uri);
    }
}
