package com.allocar.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The claim of a scheduled firing ({@code job_firings}): every instance's scheduler tries to insert (job, due time);
 * exactly one insert wins, and only its instance starts the job.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JobFirings {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    /** Whether this instance won the firing of {@code jobName} due at {@code due}. */
    public boolean claim(String jobName, Instant due, String instance) {
        return em.createNativeQuery("INSERT INTO job_firings (job_name, due_at, instance) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, jobName).setParameter(2, due).setParameter(3, instance).executeUpdate() == 1;
    }

    /** What came of a claimed firing: started (with its execution), skipped or failed (with why). */
    public void record(String jobName, Instant due, String outcome, Long executionId, String detail) {
        // two statements rather than a null bound to a bigint column (Hibernate would type it bytea)
        var update = executionId == null
                ? em.createNativeQuery("UPDATE job_firings SET outcome = ?3, detail = ?4 WHERE job_name = ?1 AND due_at = ?2")
                : em.createNativeQuery("UPDATE job_firings SET outcome = ?3, detail = ?4, execution_id = ?5 "
                        + "WHERE job_name = ?1 AND due_at = ?2").setParameter(5, executionId);
        update.setParameter(1, jobName).setParameter(2, due).setParameter(3, outcome)
                .setParameter(4, detail == null ? "" : detail).executeUpdate();
    }
}
