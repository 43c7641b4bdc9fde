package com.allocar.payments.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import jakarta.json.JsonObject;

/**
 * One OAuth access token (Orange, MTN), kept until {@link #MARGIN} before it expires (or half its life when that
 * is shorter). One fetch at a time; a token the provider refused is dropped with {@link #invalidate}.
 */
public final class AccessTokenCache {
    public static final Duration MARGIN = Duration.ofSeconds(60);
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    private final Clock clock;
    private String value;
    private Instant renewAt;

    /** A token and how long it lives ({@code expires_in}); null lifetime = 5 minutes. */
    public record Token(String value, Duration lifetime) {
        public Token {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "Token[lifetime=" + lifetime + "]";
        }
    }

    public AccessTokenCache(Clock clock) {
        this.clock = clock;
    }

    public synchronized String get(Supplier<Token> fetch) {
        Instant now = clock.instant();
        if (value != null && now.isBefore(renewAt)) {
            return value;
        }
        Token token = fetch.get();
        Duration lifetime = token.lifetime() == null || token.lifetime().isNegative() || token.lifetime().isZero()
                ? DEFAULT_LIFETIME : token.lifetime();
        Duration margin = MARGIN.compareTo(lifetime.dividedBy(2)) < 0 ? MARGIN : lifetime.dividedBy(2);
        value = token.value();
        renewAt = now.plus(lifetime).minus(margin);
        return value;
    }

    /** Drops {@code used} if it is still the cached token (the provider refused it). */
    public synchronized void invalidate(String used) {
        if (value != null && value.equals(used)) {
            value = null;
        }
    }

    /**
     * Runs {@code call} with the cached token (fetched with {@code fetch} when there is none fit for use); when the
     * provider answers 401 the token is dropped and the call made once more with a fresh one.
     */
    public ProviderHttp.Response withToken(Supplier<Token> fetch, Function<String, ProviderHttp.Response> call) {
        String token = get(fetch);
        ProviderHttp.Response response = call.apply(token);
        if (response.status() == 401) {
            invalidate(token);
            response = call.apply(get(fetch));
        }
        return response;
    }

    /** An OAuth token answer ({@code access_token}, {@code expires_in}), or the failure it means. */
    public static Token read(ProviderHttp http, ProviderHttp.Response response, Function<JsonObject, String> codeOf) {
        if (!response.successful()) {
            throw http.failure("token", response, codeOf);
        }
        JsonObject answer = http.json("token", response);
        String token = JsonFields.string(answer, "access_token");
        if (token == null) {
            throw new ProviderUnavailableException(http.provider(), response.status(), null,
                    "token answered without access_token", null);
        }
        return new Token(token, lifetime(JsonFields.string(answer, "expires_in")));
    }

    /** Reads {@code expires_in} ("3600" or 3600) as a duration, or null. */
    public static Duration lifetime(String expiresIn) {
        if (expiresIn == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(expiresIn.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
