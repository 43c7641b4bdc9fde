package com.allocar.platform.settings;

/**
 * Fired (CDI, inside the transaction) when an admin changed a setting; {@link Settings} observes it after the
 * commit and forgets its cached values, so this instance applies the change at once (others within the cache TTL).
 */
public record SettingsChanged(String key) {
}
