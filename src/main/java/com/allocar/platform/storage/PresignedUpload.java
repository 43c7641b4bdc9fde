package com.allocar.platform.storage;

import java.time.Instant;
import java.util.Map;

/**
 * A presigned upload: the client sends the bytes with {@code method} to {@code url}, with exactly these
 * {@code headers} (the signature covers them: another Content-Type is refused by the storage), before
 * {@code expiresAt}.
 */
public record PresignedUpload(String url, String method, Map<String, String> headers, Instant expiresAt) {
}
