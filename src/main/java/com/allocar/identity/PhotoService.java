package com.allocar.identity;

import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.storage.Bucket;
import com.allocar.platform.storage.ObjectKeys;
import com.allocar.platform.storage.ObjectStorage;
import com.allocar.platform.storage.PresignedUpload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

/** A user's profile photo (AUTH-6), uploaded by the app straight to the public bucket. */
@ApplicationScoped
public class PhotoService {
    @Inject
    UserDirectory users;
    @Inject
    ObjectStorage storage;
    @Inject
    AuditService audit;

    /**
     * Signs the upload of a new photo under a new key and makes that key's public URL the profile's photo_url
     * at once: the app uploads right away (the URL answers 404 until it has).
     */
    @Transactional
    public PhotoUpload startUpload(UUID userId, String contentType) {
        User user = users.byId(userId).orElseThrow(() -> new NotFoundException("No such user."));
        String key = ObjectKeys.photo(userId, contentType);
        PresignedUpload upload = storage.upload(Bucket.PUBLIC, key, contentType);
        String photoUrl = storage.publicUrl(key);
        user.setPhotoUrl(photoUrl);
        audit.record(ActorType.user, userId, "user.photo_change", "users", userId, Map.of("photo_url", photoUrl));
        return new PhotoUpload(upload.url(), upload.method(), upload.headers(), photoUrl, upload.expiresAt());
    }
}
