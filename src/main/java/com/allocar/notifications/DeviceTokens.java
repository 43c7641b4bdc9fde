package com.allocar.notifications;

import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.persistence.SqlValues;
import com.allocar.platform.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The users' push devices (FCM registration tokens). A token belongs to one user at a time: registering it again,
 * from the same account or another one signed in on the same phone, moves it and refreshes {@code last_seen_at}.
 * A user keeps at most {@code notifications.max_devices}; one more forgets the one seen least recently. The
 * registrations of one user are serialised by a transaction-scoped advisory lock, so the bound holds under
 * concurrent requests.
 */
@ApplicationScoped
public class DeviceTokens {
    static final String TOKEN_PATTERN = "[A-Za-z0-9_:.\\-]+";
    private static final long LOCK_NAMESPACE = 0x64657669L; // "devi"

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    Settings settings;

    /** The outcome of a registration. */
    public record Registered(DeviceView device, boolean created) {
    }

    @Transactional
    public Registered register(UUID userId, RegisterDeviceRequest request) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1, ?2)) l")
                .setParameter(1, (int) LOCK_NAMESPACE).setParameter(2, userId.hashCode()).getSingleResult();
        Object[] row = (Object[]) em.createNativeQuery("INSERT INTO device_tokens (user_id, platform, token) "
                        + "VALUES (?1, ?2, ?3) ON CONFLICT (token) DO UPDATE SET user_id = EXCLUDED.user_id, "
                        + "platform = EXCLUDED.platform, last_seen_at = now() "
                        + "RETURNING created_at, last_seen_at, (xmax = 0) AS created")
                .setParameter(1, userId).setParameter(2, request.platform().name()).setParameter(3, request.token())
                .getSingleResult();
        em.createNativeQuery("DELETE FROM device_tokens WHERE user_id = ?1 AND id NOT IN (SELECT id FROM device_tokens "
                        + "WHERE user_id = ?1 ORDER BY last_seen_at DESC, created_at DESC LIMIT ?2)")
                .setParameter(1, userId).setParameter(2, settings.maxDevicesPerUser()).executeUpdate();
        return new Registered(new DeviceView(request.token(), request.platform(), SqlValues.instant(row[0]),
                SqlValues.instant(row[1])), (Boolean) row[2]);
    }

    /** Forgets one of the user's devices; 404 when the token is not one of theirs. */
    @Transactional
    public void remove(UUID userId, String token) {
        int removed = em.createNativeQuery("DELETE FROM device_tokens WHERE token = ?1 AND user_id = ?2")
                .setParameter(1, token).setParameter(2, userId).executeUpdate();
        if (removed == 0) {
            throw new NotFoundException("No such device.");
        }
    }

    /** The user's tokens, the most recently seen first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> tokensOf(UUID userId) {
        return em.createQuery("SELECT d.token FROM DeviceToken d WHERE d.userId = :user ORDER BY d.lastSeenAt DESC",
                String.class).setParameter("user", userId).setMaxResults(settings.maxDevicesPerUser()).getResultList();
    }
}
