package com.allocar.identity;

import com.allocar.notifications.Notifications;
import com.allocar.platform.errors.RateLimitedException;
import com.allocar.platform.security.Hashes;
import com.allocar.platform.security.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One-time codes (AUTH-4): six digits, stored only as a keyed hash, valid five minutes, single use. A phone
 * or address gets at most three codes and three wrong guesses per ten minutes, and at most
 * {@code ALLOCAR_OTP_MAX_PER_TARGET_PER_HOUR} codes per hour (SMS pumping: each code costs us a message, and the
 * per-address budget does not stop a botnet); beyond that, rate_limited.
 */
@ApplicationScoped
public class OtpService {
    static final Duration VALIDITY = Duration.ofMinutes(5);
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final int MAX_PER_WINDOW = 3;
    static final Duration HOUR = Duration.ofHours(1);

    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    @Inject
    SigningKeys keys;

    @Inject
    Notifications notifications;

    @Inject
    @ConfigProperty(name = "ALLOCAR_OTP_MAX_PER_TARGET_PER_HOUR", defaultValue = "5")
    int maxPerHour;

    public enum Outcome { verified, wrong_code, no_active_code }

    /** Creates a code and queues its message, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(String target, OtpPurpose purpose) {
        Instant now = Instant.now();
        Instant windowStart = now.minus(WINDOW);
        // Serialise the sends of one target, so concurrent requests cannot all pass the count.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:target))").setParameter("target", target)
                .getSingleResult();
        List<Instant> lastHour = em.createQuery("SELECT o.createdAt FROM OtpCode o WHERE o.target = :target "
                        + "AND o.createdAt > :since ORDER BY o.createdAt", Instant.class)
                .setParameter("target", target).setParameter("since", now.minus(HOUR)).getResultList();
        List<Instant> recent = lastHour.stream().filter(sent -> sent.isAfter(windowStart)).toList();
        if (recent.size() >= MAX_PER_WINDOW) {
            throw new RateLimitedException("otp", secondsUntil(recent.get(0).plus(WINDOW), now));
        }
        if (lastHour.size() >= maxPerHour) {
            // the wait until the oldest code that counts leaves the hour
            throw new RateLimitedException("otp", secondsUntil(lastHour.get(lastHour.size() - maxPerHour).plus(HOUR), now));
        }
        String code = Hashes.randomDigits(6);
        em.persist(new OtpCode(target, purpose, hash(target, code), now.plus(VALIDITY)));
        String text = "AlloCar : votre code de vérification est " + code + ". Il expire dans 5 minutes. "
                + "Ne le communiquez à personne.";
        if (purpose == OtpPurpose.verify_email) {
            notifications.secretEmail(target, "Votre code AlloCar", text);
        } else {
            notifications.secretSms(target, text);
        }
    }

    /**
     * Checks a code in a transaction of its own, so that a wrong guess is counted even though the request
     * then fails. A correct code is consumed and cannot be used again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome verify(String target, String code) {
        Instant now = Instant.now();
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:target))").setParameter("target", target)
                .getSingleResult();
        Long wrongGuesses = em.createQuery("SELECT COALESCE(SUM(o.attempts), 0) FROM OtpCode o "
                        + "WHERE o.target = :target AND o.createdAt > :since", Long.class)
                .setParameter("target", target).setParameter("since", now.minus(WINDOW)).getSingleResult();
        if (wrongGuesses >= MAX_PER_WINDOW) {
            throw new RateLimitedException("otp", WINDOW.toSeconds());
        }
        Optional<OtpCode> active = em.createQuery("SELECT o FROM OtpCode o WHERE o.target = :target "
                        + "AND o.consumedAt IS NULL AND o.expiresAt > :now ORDER BY o.createdAt DESC", OtpCode.class)
                .setParameter("target", target).setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(1)
                .getResultStream().findFirst();
        if (active.isEmpty()) {
            return Outcome.no_active_code;
        }
        OtpCode otp = active.get();
        if (!Hashes.constantTimeEquals(otp.getCodeHash(), hash(target, code))) {
            otp.recordAttempt();
            return Outcome.wrong_code;
        }
        otp.consume(now);
        return Outcome.verified;
    }

    private String hash(String target, String code) {
        return Hashes.hmacSha256Hex(keys.pepper(), "otp:" + target + ":" + code);
    }

    private static long secondsUntil(Instant when, Instant now) {
        return Math.max(1, Duration.between(now, when).toSeconds() + 1);
    }
}
