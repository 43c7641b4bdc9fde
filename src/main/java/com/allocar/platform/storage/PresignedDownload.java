package com.allocar.platform.storage;

import java.time.Instant;

/** A presigned download: a plain GET of {@code url} until {@code expiresAt}. */
public record PresignedDownload(String url, Instant expiresAt) {
}
