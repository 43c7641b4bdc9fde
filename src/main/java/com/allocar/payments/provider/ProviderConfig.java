package com.allocar.payments.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where adapters read their settings (environment variables through MicroProfile Config in the server, a map in
 * tests). Blank values count as unset. A malformed URL is logged (by name, never the value of a secret) and
 * counts as unset, so a provider is merely unavailable and the application still starts.
 */
@FunctionalInterface
public interface ProviderConfig {
    Logger LOG = Logger.getLogger(ProviderConfig.class.getName());

    /** The raw value, or empty. */
    Optional<String> raw(String name);

    static ProviderConfig microProfile() {
        Config config = ConfigProvider.getConfig();
        return name -> config.getOptionalValue(name, String.class);
    }

    static ProviderConfig of(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    default Optional<String> value(String name) {
        return raw(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    default String value(String name, String fallback) {
        return value(name).orElse(fallback);
    }

    /** An http(s) URL with a host, without trailing slashes; null when unset or malformed. */
    default URI url(String name, String fallback) {
        String text = value(name).orElse(fallback);
        if (text == null) {
            return null;
        }
        String trimmed = text;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        LOG.warning(() -> name + " is not an http(s) URL with a host: the provider that needs it is unavailable");
        return null;
    }
}
