package com.allocar.platform.storage;

/** The two buckets of the application (names from {@code S3_PUBLIC_BUCKET} and {@code S3_KYC_BUCKET}). */
public enum Bucket {
    /** Profile photos: readable by anyone at {@link ObjectStorage#publicUrl}; written only through presigned URLs. */
    PUBLIC,
    /** Identity documents (KYC-1): private, never read except through short-lived presigned URLs. */
    KYC
}
