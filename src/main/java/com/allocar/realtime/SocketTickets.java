package com.allocar.realtime;

import com.allocar.platform.security.Hashes;
import com.allocar.platform.security.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One-use tickets that admit a WebSocket (table {@code ws_tickets}, migration 039). A ticket is 32 random bytes
 * (base64url, 43 characters), bound to one user and one room, valid {@code ALLOCAR_WS_TICKET_SECONDS} (30 s); only
 * its keyed hash is stored, so a database dump holds no usable ticket. Redeeming is one conditional update
 * ({@code used_at IS NULL}): whichever instance receives the socket, a ticket admits once. Who may have a ticket for
 * which room is the domains' business (messaging checks the booking or the trip before it asks for one).
 */
@ApplicationScoped
public class SocketTickets {
    /** What a ticket looks like: anything else is refused before the database is asked. */
    static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int BYTES = 32;

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    SigningKeys keys;
    @Inject
    @ConfigProperty(name = "ALLOCAR_WS_TICKET_SECONDS", defaultValue = "30")
    long ticketSeconds;

    /** A new ticket for {@code userId} into {@code room}, and when it expires. */
    public record Ticket(String value, Instant expiresAt) {
    }

    /** Issues a ticket; the user's tickets that expired are removed on the way (the table stays small). */
    @Transactional
    public Ticket issue(UUID userId, String room) {
        if (ticketSeconds < 5 || ticketSeconds > 300) {
            throw new IllegalStateException("ALLOCAR_WS_TICKET_SECONDS must be between 5 and 300");
        }
        em.createNativeQuery("DELETE FROM ws_tickets WHERE user_id = ?1 AND expires_at < now()")
                .setParameter(1, userId).executeUpdate();
        String value = Hashes.randomToken(BYTES);
        Instant expiresAt = Instant.now().plusSeconds(ticketSeconds).truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("INSERT INTO ws_tickets (token_hash, user_id, room, expires_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, hash(value)).setParameter(2, userId).setParameter(3, room)
                .setParameter(4, expiresAt).executeUpdate();
        return new Ticket(value, expiresAt);
    }

    /**
     * Uses up the ticket and says whether it admits into {@code room}: 4401 when it is malformed, unknown, used or
     * expired, 4403 when it is another room's (it is used up all the same: a ticket is tried once).
     */
    @Transactional
    public Admission redeem(String value, String room) {
        if (value == null || !FORM.matcher(value).matches()) {
            return Admission.refused(Admission.UNAUTHORIZED, "ticket_invalid");
        }
        String hash = hash(value);
        @SuppressWarnings("unchecked")
        List<Object[]> used = em.createNativeQuery("UPDATE ws_tickets SET used_at = now() "
                        + "WHERE token_hash = ?1 AND used_at IS NULL RETURNING user_id, room, expires_at > now()")
                .setParameter(1, hash).getResultList();
        if (used.isEmpty()) {
            boolean known = !em.createNativeQuery("SELECT 1 FROM ws_tickets WHERE token_hash = ?1")
                    .setParameter(1, hash).getResultList().isEmpty();
            return Admission.refused(Admission.UNAUTHORIZED, known ? "ticket_used" : "ticket_invalid");
        }
        Object[] row = used.get(0);
        if (!Boolean.TRUE.equals(row[2])) {
            return Admission.refused(Admission.UNAUTHORIZED, "ticket_expired");
        }
        if (!room.equals(row[1])) {
            return Admission.refused(Admission.FORBIDDEN, "ticket_wrong_room");
        }
        return Admission.admitted((UUID) row[0], room);
    }

    private String hash(String value) {
        return Hashes.hmacSha256Hex(keys.pepper(), "ws-ticket:" + value);
    }
}
