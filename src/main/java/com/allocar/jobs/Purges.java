package com.allocar.jobs;

import com.allocar.platform.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Deletes rows past their retention, one short transaction per batch ({@link PurgeTarget}). */
@ApplicationScoped
public class Purges {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    Settings settings;

    Clock clock = Clock.systemUTC();

    /** The instant before which a row of {@code target} is past its retention, as the settings say now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Instant cutoff(PurgeTarget target) {
        return clock.instant().minus(target.retention(settings.retention()));
    }

    /** One batch: deletes at most {@code size} rows older than {@code cutoff}, and answers how many went. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteBatch(PurgeTarget target, Instant cutoff, int size) {
        return em.createNativeQuery(target.deleteBatchSql()).setParameter(1, cutoff).setParameter(2, size)
                .executeUpdate();
    }
}
