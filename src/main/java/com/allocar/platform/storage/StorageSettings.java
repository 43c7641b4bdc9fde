package com.allocar.platform.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The S3_* settings, checked and completed with their defaults (docs/configuration.md).
 *
 * @param endpoint      the S3-compatible endpoint as clients reach it (presigned URLs carry it), or null for AWS
 * @param region        the signing region
 * @param accessKey     null when storage is not configured
 * @param secretKey     null when storage is not configured
 * @param publicBaseUrl where public objects are read, without a trailing slash
 */
public record StorageSettings(URI endpoint, String region, String accessKey, String secretKey, String publicBucket,
                              String kycBucket, String publicBaseUrl) {

    public static StorageSettings of(Optional<String> endpoint, String region, Optional<String> accessKey,
                                     Optional<String> secretKey, String publicBucket, String kycBucket,
                                     Optional<String> publicBaseUrl) {
        URI endpointUri = present(endpoint).map(StorageSettings::endpointUri).orElse(null);
        String regionName = present(Optional.ofNullable(region)).orElse("us-east-1");
        String publicName = present(Optional.ofNullable(publicBucket)).orElse("allocar-public");
        String kycName = present(Optional.ofNullable(kycBucket)).orElse("allocar-kyc");
        if (publicName.equals(kycName)) {
            throw new IllegalStateException("S3_PUBLIC_BUCKET and S3_KYC_BUCKET must differ: KYC documents are private");
        }
        String base = present(publicBaseUrl).orElseGet(() -> endpointUri == null
                ? "https://s3." + regionName + ".amazonaws.com/" + publicName
                : stripSlash(endpointUri.toString()) + "/" + publicName);
        String key = present(accessKey).orElse(null);
        String secret = present(secretKey).orElse(null);
        return new StorageSettings(endpointUri, regionName, key == null || secret == null ? null : key,
                key == null || secret == null ? null : secret, publicName, kycName, stripSlash(base));
    }

    /** Whether uploads and downloads can be signed (both keys are set). */
    public boolean configured() {
        return accessKey != null && secretKey != null;
    }

    /** The bucket's name: the public one for {@link Bucket#PUBLIC}, the private one for everything else. */
    public String bucket(Bucket bucket) {
        return bucket == Bucket.PUBLIC ? publicBucket : kycBucket;
    }

    @Override
    public String toString() {
        return "StorageSettings[endpoint=" + (endpoint == null ? "AWS" : endpoint) + ", region=" + region
                + ", publicBucket=" + publicBucket + ", kycBucket=" + kycBucket + ", publicBaseUrl=" + publicBaseUrl
                + ", configured=" + configured() + "]";
    }

    private static URI endpointUri(String text) {
        try {
            URI uri = new URI(stripSlash(text));
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalStateException("S3_ENDPOINT must be an http(s) URL, e.g. https://s3.example.com");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("S3_ENDPOINT is not a URL: " + e.getMessage(), e);
        }
    }

    private static Optional<String> present(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String stripSlash(String text) {
        String result = text.strip();
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
