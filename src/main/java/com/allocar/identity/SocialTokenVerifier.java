package com.allocar.identity;

import com.allocar.platform.errors.NotFoundException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Verifies Google and Apple ID tokens (AUTH-5) against the providers' JWK sets. Each JWK set is fetched on
 * first use with bounded timeouts, cached for {@link #CACHE_TTL_MS}, and fetched again at once when a token
 * names a key the cached set does not hold (the provider rotated its keys) — at most twice per
 * {@code ALLOCAR_SOCIAL_JWKS_REFETCH_SECONDS}, so tokens with made-up key ids cannot hammer the provider.
 * A provider without a configured client id is disabled: {@code 404 not_found}, as if it did not exist.
 */
@ApplicationScoped
public class SocialTokenVerifier {
    static final int CONNECT_TIMEOUT_MS = 2_000;
    static final int READ_TIMEOUT_MS = 3_000;
    static final int SIZE_LIMIT_BYTES = 64 * 1024;
    static final long CACHE_TTL_MS = 5 * 60_000;
    /** How long concurrent requests wait for a fetch in progress: longer than one fetch can take. */
    static final long CACHE_REFRESH_TIMEOUT_MS = CONNECT_TIMEOUT_MS + READ_TIMEOUT_MS + 1_000;
    static final String REFETCH_SETTING = "ALLOCAR_SOCIAL_JWKS_REFETCH_SECONDS";
    private static final Logger LOG = Logger.getLogger(SocialTokenVerifier.class.getName());

    @Inject
    Config config;

    private final Map<SocialProvider, SocialIdTokenCheck> checks = new EnumMap<>(SocialProvider.class);
    private final Map<SocialProvider, JWKSource<SecurityContext>> sources = new EnumMap<>(SocialProvider.class);

    @PostConstruct
    void init() {
        long refetchSeconds = config.getOptionalValue(REFETCH_SETTING, Long.class).orElse(30L);
        if (refetchSeconds < 0 || refetchSeconds * 1000 >= CACHE_TTL_MS) {
            throw new IllegalStateException(REFETCH_SETTING + " must be between 0 and " + (CACHE_TTL_MS / 1000 - 1));
        }
        for (SocialProvider provider : SocialProvider.values()) {
            Set<String> clientIds = list(config.getOptionalValue(provider.clientIdSetting, String.class).orElse(""));
            if (clientIds.isEmpty()) {
                LOG.info(() -> "social sign-in with " + provider + " is off (" + provider.clientIdSetting + " unset)");
                continue;
            }
            URL jwksUrl = url(provider.jwksUrlSetting,
                    config.getOptionalValue(provider.jwksUrlSetting, String.class).orElse(provider.defaultJwksUrl));
            Set<String> issuers = list(
                    config.getOptionalValue(provider.issuersSetting, String.class).orElse(provider.defaultIssuers));
            if (issuers.isEmpty()) {
                throw new IllegalStateException(provider.issuersSetting + " must name at least one issuer");
            }
            JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.<SecurityContext>create(jwksUrl,
                            new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, SIZE_LIMIT_BYTES))
                    .cache(CACHE_TTL_MS, CACHE_REFRESH_TIMEOUT_MS)
                    .refreshAheadCache(false) // would start threads of its own, outside the server's control
                    .retrying(false)
                    .outageTolerant(false);
            JWKSource<SecurityContext> keys = (refetchSeconds > 0 ? builder.rateLimited(refetchSeconds * 1000)
                    : builder.rateLimited(false)).build();
            sources.put(provider, keys);
            checks.put(provider, new SocialIdTokenCheck(provider, issuers, clientIds, keys));
            LOG.info(() -> "social sign-in with " + provider + " is on: " + clientIds.size() + " client id(s), keys from "
                    + jwksUrl);
        }
    }

    @PreDestroy
    void close() {
        for (JWKSource<SecurityContext> source : sources.values()) {
            if (source instanceof Closeable closeable) {
                try {
                    closeable.close();
                } catch (IOException ignored) {
                    // nothing to release that matters at shutdown
                }
            }
        }
    }

    /**
     * The holder of a valid ID token of {@code provider}.
     *
     * @throws NotFoundException when the provider is not configured here
     * @throws com.allocar.platform.errors.AuthRequiredException when the token does not pass
     * @throws com.allocar.platform.errors.ServiceUnavailableException when the provider's keys cannot be fetched
     */
    public SocialIdentity verify(SocialProvider provider, String idToken) {
        SocialIdTokenCheck check = checks.get(provider);
        if (check == null) {
            throw new NotFoundException("Sign-in with this provider is not available.",
                    Map.of("provider", provider.name()));
        }
        return check.verify(idToken);
    }

    /** A comma-separated setting as a set of trimmed, non-empty values. */
    static Set<String> list(String value) {
        Set<String> values = new LinkedHashSet<>();
        Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).forEach(values::add);
        return Set.copyOf(values);
    }

    private static URL url(String setting, String value) {
        try {
            URI uri = URI.create(value.strip());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalStateException(setting + " must be an http(s) URL with a host");
            }
            return uri.toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new IllegalStateException(setting + " is not a URL", e);
        }
    }
}
