package com.allocar.disputes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The disputes' queries. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DisputeRepository {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    public Optional<Dispute> find(UUID id) {
        return Optional.ofNullable(em.find(Dispute.class, id));
    }

    /** The dispute with its row locked until the transaction ends (one change at a time). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Dispute> lock(UUID id) {
        return Optional.ofNullable(em.find(Dispute.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The opener's dispute of this booking still being handled (open or investigating), if any. */
    public Optional<UUID> active(UUID bookingId, UUID openedBy) {
        List<UUID> found = em.createQuery("SELECT d.id FROM Dispute d WHERE d.bookingId = :booking "
                        + "AND d.openedBy = :opener AND d.status IN :active", UUID.class)
                .setParameter("booking", bookingId).setParameter("opener", openedBy)
                .setParameter("active", List.of(DisputeStatus.open, DisputeStatus.investigating))
                .setMaxResults(1).getResultList();
        return found.stream().findFirst();
    }

    public long messageCount(UUID disputeId) {
        return em.createQuery("SELECT count(m) FROM DisputeMessage m WHERE m.disputeId = :dispute", Long.class)
                .setParameter("dispute", disputeId).getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void persist(Object entity) {
        em.persist(entity);
        em.flush();
    }
}
