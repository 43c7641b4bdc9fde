package com.allocar.platform.storage;

/**
 * Where the application keeps objects: two buckets (names from {@code S3_PUBLIC_BUCKET} and {@code S3_KYC_BUCKET});
 * every place but {@link #PUBLIC} is in the private one.
 */
public enum Bucket {
    /** Profile photos: readable by anyone at {@link ObjectStorage#publicUrl}; written only through presigned URLs. */
    PUBLIC,
    /** Identity documents (KYC-1): private, never read except through short-lived presigned URLs. */
    KYC,
    /**
     * Chat images (MSG-1): private like identity documents and kept in the same private bucket
     * ({@code S3_KYC_BUCKET}) under {@code chat/}; read only through short-lived presigned URLs given to the
     * booking's two parties.
     */
    CHAT,
    /**
     * A dispute's attachments (DISP-1): private, in the private bucket under {@code disputes/}; read only through
     * short-lived presigned URLs given to the dispute's parties and admins.
     */
    DISPUTES
}
