package com.allocar.messaging;

import java.time.Instant;
import java.util.Map;

/**
 * Where to upload a chat image ({@code method} to {@code upload_url} with exactly {@code headers}, before
 * {@code expires_at}), and the key to send it with ({@code POST /bookings/{id}/messages {type: image, upload_key}}).
 */
public record ChatUpload(String uploadKey, String uploadUrl, String method, Map<String, String> headers,
                         Instant expiresAt) {
}
