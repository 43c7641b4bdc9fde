package com.allocar.identity;

import java.time.Instant;
import java.util.Map;

/**
 * Where to upload a new profile photo ({@code method} to {@code upload_url} with exactly {@code headers},
 * before {@code expires_at}) and the public address it will be read at, already the profile's photo_url.
 */
public record PhotoUpload(String uploadUrl, String method, Map<String, String> headers, String photoUrl,
                          Instant expiresAt) {
}
