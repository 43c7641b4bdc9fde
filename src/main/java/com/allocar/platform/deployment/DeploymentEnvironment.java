package com.allocar.platform.deployment;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where this server runs ({@code ALLOCAR_ENVIRONMENT}): development conveniences (demo accounts with known
 * passwords, messages written to the log instead of sent) exist only outside production. Unset means production,
 * so a deployment that forgets the setting gets the safe behaviour; a value that is none of these fails the start
 * (MicroProfile Config converts through {@link #of}) rather than silently meaning "not production".
 */
public enum DeploymentEnvironment {
    production, staging, development, test;

    public static final String SETTING = "ALLOCAR_ENVIRONMENT";

    /** Parses the setting (any case, surrounding blanks ignored). */
    public static DeploymentEnvironment of(String value) {
        String name = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(SETTING + " must be one of "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ", not '" + value + "'"));
    }

    public boolean isProduction() {
        return this == production;
    }
}
