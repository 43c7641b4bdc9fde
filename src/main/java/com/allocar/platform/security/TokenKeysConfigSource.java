package com.allocar.platform.security;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives MicroProfile JWT its verification keys ({@code mp.jwt.verify.publickey}) as a JWK Set built from
 * {@code ALLOCAR_JWT_PUBLIC_KEY} and {@code ALLOCAR_JWT_PREVIOUS_PUBLIC_KEY} (environment), so a token signed
 * with either key verifies and its {@code kid} selects the key. A single PEM in the property, as before,
 * could hold one key only, and a {@code jwksUri} would make the server fetch its own endpoint over HTTP.
 * Registered in {@code META-INF/services}; its ordinal sits above {@code microprofile-config.properties}
 * and below the environment.
 */
public class TokenKeysConfigSource implements ConfigSource {
    static final String PROPERTY = "mp.jwt.verify.publickey";
    private volatile String keys;

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public Map<String, String> getProperties() {
        String value = getValue(PROPERTY);
        return value == null ? Map.of() : Map.of(PROPERTY, value);
    }

    @Override
    public String getValue(String name) {
        if (!PROPERTY.equals(name)) {
            return null;
        }
        String current = setting(TokenKeySet.CURRENT);
        if (current == null || current.isBlank()) {
            return null; // SigningKeys stops the start with a clear message
        }
        if (keys == null) {
            keys = TokenKeySet.of(current, setting(TokenKeySet.PREVIOUS)).toString(true);
        }
        return keys;
    }

    /** The environment (where secrets come from), else a JVM system property; not MP Config, which is being built. */
    private static String setting(String name) {
        String value = System.getenv(name);
        return value != null ? value : System.getProperty(name);
    }

    @Override
    public int getOrdinal() {
        return 150;
    }

    @Override
    public String getName() {
        return "AlloCar token verification keys";
    }
}
