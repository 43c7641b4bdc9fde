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

    /**
     * {@code chat/{bookingId}/{senderId}/{random uuid}.{ext}} in the private bucket: an image one party of a booking
     * uploads for a chat message. The ids in the key are what {@link #chatImageOf} checks a message's key against.
     */
    public static String chatImage(UUID bookingId, UUID senderId, String contentType) {
        if (PDF.equalsIgnoreCase(contentType)) {
            throw new IllegalArgumentException("a chat image is a JPEG, PNG or WebP image");
        }
        return "chat/" + bookingId + "/" + senderId + "/" + UUID.randomUUID() + "." + extension(contentType);
    }

    /**
     * Whether {@code key} has the exact form {@link #chatImage} makes for this booking and sender (an image type's
     * extension, a uuid in canonical form): anything else, or someone else's key, is not a chat image of theirs.
     */
    public static boolean chatImageOf(String key, UUID bookingId, UUID senderId) {
        return madeUnder(key, "chat/" + bookingId + "/" + senderId + "/", false);
    }

    /**
     * {@code disputes/{bookingId}/{userId}/{random uuid}.{ext}} in the private bucket: a file (image or PDF) a party of
     * a booking uploads to attach to a dispute about it. {@link #disputeFileOf} checks a dispute's keys against it.
     */
    public static String disputeFile(UUID bookingId, UUID userId, String contentType) {
        return "disputes/" + bookingId + "/" + userId + "/" + UUID.randomUUID() + "." + extension(contentType);
    }

    /** Whether {@code key} has the exact form {@link #disputeFile} makes for this booking and uploader. */
    public static boolean disputeFileOf(String key, UUID bookingId, UUID userId) {
        return madeUnder(key, "disputes/" + bookingId + "/" + userId + "/", true);
    }

    /** {@code prefix} + a canonical uuid + an image type's extension (or PDF's when allowed), and nothing else. */
    private static boolean madeUnder(String key, String prefix, boolean pdf) {
        if (key == null || !key.startsWith(prefix)) {
            return false;
        }
        String name = key.substring(prefix.length());
        int dot = name.indexOf('.');
        if (dot != 36) {
            return false;
        }
        String id = name.substring(0, dot);
        String extension = name.substring(dot + 1);
        try {
            if (!UUID.fromString(id).toString().equals(id)) {
                return false;
            }
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
        return extension.equals(EXTENSIONS.get(JPEG)) || extension.equals(EXTENSIONS.get(PNG))
                || extension.equals(EXTENSIONS.get(WEBP)) || pdf && extension.equals(EXTENSIONS.get(PDF));
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
