package com.allocar.payouts;

import com.allocar.platform.settings.Settings;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * The payouts job's reader: the drivers to pay, in driver id order, read in pages by key (never an offset): those
 * whose available, unsettled balance at the run's cut-off is at least {@code payouts.minimum}, and those with a payout
 * still in flight (an earlier run or execution left it processing). The checkpoint is the last driver read, so a
 * restarted execution goes on after the last committed chunk; a driver of an uncommitted chunk is read again and finds
 * the payout it already has ({@link PayoutPlanner}).
 */
@Dependent
@Named("payoutDriverReader")
public class PayoutDriverReader extends AbstractItemReader {
    static final int PAGE = 200;

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    Settings settings;
    @Inject
    @BatchProperty
    String cutoff;

    private Instant runCutoff;
    private BigDecimal minimum;
    private String after = "00000000-0000-0000-0000-000000000000";
    private final Deque<UUID> page = new ArrayDeque<>();
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        runCutoff = PayoutRun.cutoff(cutoff);
        minimum = settings.payoutMinimum().max(BigDecimal.ONE);
        if (checkpoint != null) {
            after = checkpoint.toString();
        }
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            fill();
        }
        UUID next = page.poll();
        if (next != null) {
            after = next.toString();
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return after;
    }

    @SuppressWarnings("unchecked")
    private void fill() {
        List<UUID> ids = em.createNativeQuery("SELECT driver_id FROM ("
                        + "SELECT driver_id FROM driver_ledger WHERE payout_id IS NULL AND available_at <= ?1 "
                        + "AND driver_id > CAST(?3 AS uuid) GROUP BY driver_id HAVING sum(amount) >= ?2 "
                        + "UNION SELECT driver_id FROM payouts WHERE status IN ('scheduled', 'processing') "
                        + "AND driver_id > CAST(?3 AS uuid)) d ORDER BY driver_id LIMIT ?4")
                .setParameter(1, runCutoff).setParameter(2, minimum).setParameter(3, after).setParameter(4, PAGE)
                .getResultList();
        page.addAll(ids);
        exhausted = ids.size() < PAGE;
    }
}
