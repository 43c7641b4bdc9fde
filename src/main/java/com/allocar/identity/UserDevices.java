package com.allocar.identity;

import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.security.Hashes;
import com.allocar.platform.security.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The app installs each account was seen on, from the {@value #HEADER} header the apps send (an install id such as
 * Android's ANDROID_ID or iOS's identifierForVendor). Only an HMAC of it is stored. Referrals use it to refuse
 * self-referral through several accounts on one phone.
 */
@ApplicationScoped
public class UserDevices {
    public static final String HEADER = "X-Device-Id";
    /** What the header may hold: an opaque id, 8 to 128 characters. */
    public static final String PATTERN = "^[A-Za-z0-9._:\\-]{8,128}$";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    SigningKeys keys;

    /**
     * Records that the user was seen on this install; nothing when the header is absent or malformed (a sign-in never
     * fails for it; the routes that need it check it with {@link #require}).
     */
    @Transactional
    public void seen(UUID userId, String deviceId) {
        if (deviceId == null || !VALID.matcher(deviceId).matches()) {
            return;
        }
        em.createNativeQuery("INSERT INTO user_devices (device_hash, user_id) VALUES (?1, ?2) "
                        + "ON CONFLICT (device_hash, user_id) DO UPDATE SET last_seen_at = now()")
                .setParameter(1, hash(deviceId)).setParameter(2, userId).executeUpdate();
    }

    /** Whether both accounts were ever seen on one install. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean shareAnInstall(UUID one, UUID other) {
        return !em.createNativeQuery("SELECT 1 FROM user_devices a JOIN user_devices b ON b.device_hash = a.device_hash "
                        + "WHERE a.user_id = ?1 AND b.user_id = ?2 LIMIT 1")
                .setParameter(1, one).setParameter(2, other).getResultList().isEmpty();
    }

    /** The header, checked: 400 when it is missing or malformed. */
    public static String require(String deviceId) {
        if (deviceId == null || deviceId.isBlank()) {
            throw ValidationException.field(HEADER, "is required: the app sends its install id");
        }
        if (!VALID.matcher(deviceId).matches()) {
            throw ValidationException.field(HEADER, "must be 8 to 128 letters, digits or . _ : -");
        }
        return deviceId;
    }

    private String hash(String deviceId) {
        return Hashes.hmacSha256Hex(keys.pepper(), "device:" + deviceId);
    }
}
