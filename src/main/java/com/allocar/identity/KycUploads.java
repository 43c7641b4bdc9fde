package com.allocar.identity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A pending KYC document with where to upload its images: {@code PUT} the front (and the back, when asked)
 * to the presigned URLs with exactly the given headers before {@code upload_expires_at}. The images can
 * never be read through a public URL; admins see them through short-lived presigned URLs only.
 */
public record KycUploads(UUID id, KycDocType docType, KycStatus status, Instant createdAt, String uploadMethod,
                         String frontUploadUrl, Map<String, String> frontUploadHeaders, String backUploadUrl,
                         Map<String, String> backUploadHeaders, Instant uploadExpiresAt) {
}
