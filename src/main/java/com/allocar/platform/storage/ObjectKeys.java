package com.allocar.platform.storage;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The layout of the buckets. Every object key is made here by the server from ids it trusts and a media type
 * it accepted; nothing a client sends becomes part of a key.
 */
public final class ObjectKeys {
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String WEBP = "image/webp";
    public static final String PDF = "application/pdf";

    private static final Map<String, String> EXTENSIONS = Map.of(JPEG, "jpg", PNG, "png", WEBP, "webp", PDF, "pdf");

    /** The two faces of an identity document. */
    public enum Side {
        front, back
    }

    private ObjectKeys() {
    }

    /** {@code users/{userId}/photo-{random uuid}.{ext}}: each new photo gets a new key, so caches never show an old one. */
    public static String photo(UUID userId, String contentType) {
        return "users/" + userId + "/photo-" + UUID.randomUUID() + "." + extension(contentType);
    }

    /** {@code kyc/{userId}/{documentId}/{front|back}.{ext}} in the private bucket. */
    public static String kycImage(UUID userId, UUID documentId, Side side, String contentType) {
        return "kyc/" + userId + "/" + documentId + "/" + side + "." + extension(contentType);
    }

    /** The media type a key was made for (by its extension), e.g. to sign a new upload of the same object. */
    public static Optional<String> contentTypeOf(String key) {
        int dot = key.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = key.substring(dot + 1);
        return EXTENSIONS.entrySet().stream().filter(e -> e.getValue().equals(extension)).map(Map.Entry::getKey).findFirst();
    }

    private static String extension(String contentType) {
        String extension = contentType == null ? null : EXTENSIONS.get(contentType.toLowerCase(Locale.ROOT));
        if (extension == null) {
            throw new IllegalArgumentException("no object type for media type " + contentType);
        }
        return extension;
    }
}
