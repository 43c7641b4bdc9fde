package com.allocar.notifications;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /me/devices}: the FCM registration token of the app on this device, and its platform. */
public record RegisterDeviceRequest(
        @NotNull @Size(min = 20, max = 4096) @Pattern(regexp = DeviceTokens.TOKEN_PATTERN,
                message = "must be an FCM registration token (letters, digits, ':', '_', '-', '.')") String token,
        @NotNull DevicePlatform platform) {
}
