package com.allocar.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Chat queries and the conditional read-receipt update. */
@ApplicationScoped
public class MessageRepository {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    /**
     * Up to {@code limit} messages of the booking, newest first, numbered below {@code beforeSeq} (all when null).
     * The unique (booking_id, seq) index serves it.
     */
    public List<Message> page(UUID bookingId, Long beforeSeq, int limit) {
        TypedQuery<Message> query = em.createQuery("SELECT m FROM Message m WHERE m.booking.id = :booking"
                        + (beforeSeq == null ? "" : " AND m.seq < :before") + " ORDER BY m.seq DESC", Message.class)
                .setParameter("booking", bookingId)
                .setMaxResults(limit);
        if (beforeSeq != null) {
            query.setParameter("before", beforeSeq);
        }
        return query.getResultList();
    }

    /** The number of the booking's next message (the caller holds the booking's row lock). */
    public long nextSeq(UUID bookingId) {
        return em.createQuery("SELECT COALESCE(MAX(m.seq), 0) FROM Message m WHERE m.booking.id = :booking",
                        Long.class)
                .setParameter("booking", bookingId).getSingleResult() + 1;
    }

    /** The number of a message of this booking, or empty when the booking has no such message. */
    public Optional<Long> seqOf(UUID bookingId, UUID messageId) {
        return em.createQuery("SELECT m.seq FROM Message m WHERE m.id = :id AND m.booking.id = :booking", Long.class)
                .setParameter("id", messageId).setParameter("booking", bookingId)
                .getResultStream().findFirst();
    }

    /** The message an image upload was already sent as, if any. */
    public Optional<UUID> imageMessage(String key) {
        return em.createQuery("SELECT m.id FROM Message m WHERE m.type = :image AND m.content = :key", UUID.class)
                .setParameter("image", MessageType.image).setParameter("key", key)
                .getResultStream().findFirst();
    }

    public void add(Message message) {
        em.persist(message);
        em.flush();
    }

    /**
     * Marks read (now) the messages of the booking that {@code reader} did not write, up to number
     * {@code upToSeq}, that are not read yet: one conditional update, so a repeated or concurrent receipt changes
     * nothing and an earlier read time is never moved. Answers how many it marked.
     */
    public int markRead(UUID bookingId, UUID reader, long upToSeq) {
        return em.createNativeQuery("UPDATE messages SET read_at = now() WHERE booking_id = ?1 AND from_user_id <> ?2 "
                        + "AND seq <= ?3 AND read_at IS NULL")
                .setParameter(1, bookingId).setParameter(2, reader).setParameter(3, upToSeq)
                .executeUpdate();
    }

    /**
     * For each booking among {@code bookingIds} with unread messages: the messages {@code reader} did not write and
     * has not read. One grouped query (served by the partial index on unread messages).
     */
    public Map<UUID, Integer> unread(UUID reader, Collection<UUID> bookingIds) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (bookingIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = em.createQuery("SELECT m.booking.id, COUNT(m) FROM Message m "
                        + "WHERE m.booking.id IN :bookings AND m.fromUserId <> :reader AND m.readAt IS NULL "
                        + "GROUP BY m.booking.id", Object[].class)
                .setParameter("bookings", bookingIds).setParameter("reader", reader)
                .getResultList();
        for (Object[] row : rows) {
            counts.put((UUID) row[0], ((Number) row[1]).intValue());
        }
        return counts;
    }

    /** The number of the booking's last message, 0 when it has none. */
    public long lastSeq(UUID bookingId) {
        return nextSeq(bookingId) - 1;
    }

    /** For each of the bookings with messages: the number of its last message. */
    public Map<UUID, Long> lastSeqs(Collection<UUID> bookingIds) {
        Map<UUID, Long> last = new HashMap<>();
        if (bookingIds.isEmpty()) {
            return last;
        }
        List<Object[]> rows = em.createQuery("SELECT m.booking.id, MAX(m.seq) FROM Message m "
                        + "WHERE m.booking.id IN :bookings GROUP BY m.booking.id", Object[].class)
                .setParameter("bookings", bookingIds).getResultList();
        for (Object[] row : rows) {
            last.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        return last;
    }

    /**
     * Up to {@code limit} messages of the booking numbered above {@code afterSeq} and at most {@code upToSeq}, oldest
     * first (served by the unique (booking_id, seq) index).
     */
    public List<Message> range(UUID bookingId, long afterSeq, long upToSeq, int limit) {
        return em.createQuery("SELECT m FROM Message m WHERE m.booking.id = :booking AND m.seq > :after "
                        + "AND m.seq <= :upTo ORDER BY m.seq", Message.class)
                .setParameter("booking", bookingId).setParameter("after", afterSeq).setParameter("upTo", upToSeq)
                .setMaxResults(limit).getResultList();
    }

    /** The booking and number of each of these messages that exists: {@code [booking id, seq]} by message id. */
    public Map<UUID, Object[]> places(Collection<UUID> messageIds) {
        Map<UUID, Object[]> places = new HashMap<>();
        if (messageIds.isEmpty()) {
            return places;
        }
        List<Object[]> rows = em.createQuery("SELECT m.id, m.booking.id, m.seq FROM Message m WHERE m.id IN :ids",
                        Object[].class)
                .setParameter("ids", messageIds).getResultList();
        for (Object[] row : rows) {
            places.put((UUID) row[0], new Object[] {row[1], row[2]});
        }
        return places;
    }
}
