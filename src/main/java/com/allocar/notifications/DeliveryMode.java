package com.allocar.notifications;

import com.allocar.platform.deployment.DeploymentEnvironment;

/**
 * How a sender delivers, chosen once at start: through its provider when one is configured; else, outside
 * production only, into the log (how developers read their codes); in production without a provider, not at all:
 * every message fails with the missing setting as its {@code last_error}, and no text ever reaches the log.
 */
public enum DeliveryMode {
    provider, log, none;

    public static DeliveryMode of(boolean providerConfigured, DeploymentEnvironment environment) {
        if (providerConfigured) {
            return provider;
        }
        return environment.isProduction() ? none : log;
    }

    /** The failure of every message when there is nowhere to send it. */
    static DeliveryException unconfigured(String setting) {
        return DeliveryException.permanent(setting + " is not set: in production messages are neither sent nor logged");
    }
}
