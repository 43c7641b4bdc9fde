package com.allocar.notifications;

import java.time.Instant;

/** A registered push device of the signed-in user. */
public record DeviceView(String token, DevicePlatform platform, Instant createdAt, Instant lastSeenAt) {
}
