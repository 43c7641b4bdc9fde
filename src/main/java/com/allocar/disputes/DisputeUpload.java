package com.allocar.disputes;

import java.time.Instant;
import java.util.Map;

/**
 * Where to upload a dispute's attachment ({@code method} to {@code upload_url} with exactly {@code headers}, before
 * {@code expires_at}), and the key to list in {@code POST /disputes {attachments: [...]}}.
 */
public record DisputeUpload(String uploadKey, String uploadUrl, String method, Map<String, String> headers,
                            Instant expiresAt) {
}
