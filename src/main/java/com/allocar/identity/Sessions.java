package com.allocar.identity;

import com.allocar.platform.security.Hashes;
import com.allocar.platform.security.SigningKeys;
import com.allocar.platform.web.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-in sessions as families of opaque refresh tokens (AUTH-3). Only a keyed hash of each token is stored.
 * Every refresh rotates the token; presenting a token that was already rotated means it leaked, so the
 * whole family is revoked (and with it every access token carrying the family's session id).
 */
@ApplicationScoped
public class Sessions {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    @Inject
    SigningKeys keys;

    @Inject
    @ConfigProperty(name = "ALLOCAR_REFRESH_TOKEN_TTL_DAYS", defaultValue = "30")
    long ttlDays;

    /** A new session's first refresh token (raw, to hand to the client once) and its family id. */
    public record Issued(String refreshToken, UUID sessionId) {
    }

    /** What presenting a refresh token led to. */
    public sealed interface Refresh {
    }

    public record Rotated(UUID subject, boolean admin, Issued next) implements Refresh {
    }

    /** Unknown, expired or revoked: the client must sign in again. */
    public record Refused() implements Refresh {
    }

    /** A rotated token came back: the family is now revoked. */
    public record ReuseDetected(UUID subject, boolean admin, UUID sessionId) implements Refresh {
    }

    @Transactional
    public Issued startForUser(UUID userId, String userAgent) {
        return issue(userId, false, UUID.randomUUID(), userAgent);
    }

    @Transactional
    public Issued startForAdmin(UUID adminId, String userAgent) {
        return issue(adminId, true, UUID.randomUUID(), userAgent);
    }

    @Transactional
    public Refresh refresh(String presented, String userAgent) {
        Optional<RefreshToken> found = em.createQuery(
                        "SELECT t FROM RefreshToken t WHERE t.tokenHash = :hash", RefreshToken.class)
                .setParameter("hash", hash(presented))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            return new Refused();
        }
        RefreshToken token = found.get();
        boolean admin = token.getAdminUserId() != null;
        UUID subject = admin ? token.getAdminUserId() : token.getUserId();
        Instant now = Instant.now();
        if (token.getRevokedAt() != null || token.getExpiresAt().isBefore(now)) {
            return new Refused();
        }
        if (token.getRotatedAt() != null) {
            revokeFamily(token.getFamilyId(), now);
            return new ReuseDetected(subject, admin, token.getFamilyId());
        }
        Issued next = issue(subject, admin, token.getFamilyId(), userAgent);
        UUID nextId = em.createQuery("SELECT t.id FROM RefreshToken t WHERE t.tokenHash = :hash", UUID.class)
                .setParameter("hash", hash(next.refreshToken())).getSingleResult();
        token.rotate(nextId, now);
        return new Rotated(subject, admin, next);
    }

    /** Ends a session (logout): its refresh tokens stop working, and so do its access tokens. */
    @Transactional
    public void end(UUID sessionId) {
        revokeFamily(sessionId, Instant.now());
    }

    /** Ends every session of a user (suspension, password change). */
    @Transactional
    public void endAllForUser(UUID userId) {
        em.createQuery("UPDATE RefreshToken t SET t.revokedAt = :now WHERE t.userId = :user AND t.revokedAt IS NULL")
                .setParameter("now", Instant.now()).setParameter("user", userId).executeUpdate();
    }

    private void revokeFamily(UUID familyId, Instant now) {
        em.createQuery("UPDATE RefreshToken t SET t.revokedAt = :now WHERE t.familyId = :family AND t.revokedAt IS NULL")
                .setParameter("now", now).setParameter("family", familyId).executeUpdate();
    }

    private Issued issue(UUID subject, boolean admin, UUID familyId, String userAgent) {
        String raw = Hashes.randomToken(32);
        Instant expires = Instant.now().plus(Duration.ofDays(ttlDays));
        String agent = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 256));
        RefreshToken token = admin
                ? RefreshToken.forAdmin(subject, familyId, hash(raw), expires, agent, RequestContext.clientIp())
                : RefreshToken.forUser(subject, familyId, hash(raw), expires, agent, RequestContext.clientIp());
        em.persist(token);
        em.flush();
        return new Issued(raw, familyId);
    }

    private String hash(String raw) {
        return Hashes.hmacSha256Hex(keys.pepper(), "refresh:" + raw);
    }
}
