package com.allocar.payouts;

import com.allocar.jobs.JobMeters;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.logging.Logger;

/**
 * The payouts job's writer: everything was written as each payout was attempted; this counts the chunk's failures
 * (failed, in review or still unknown) and logs the chunk.
 */
@Dependent
@Named("payoutWriter")
public class PayoutWriter extends AbstractItemWriter {
    private static final Logger LOG = Logger.getLogger(PayoutWriter.class.getName());

    @Inject
    JobContext job;
    @Inject
    JobMeters meters;

    @Override
    public void writeItems(List<Object> items) {
        long notPaid = items.stream().map(PayoutProcessor.Attempted.class::cast)
                .filter(a -> !"done".equals(a.outcome())).count();
        meters.itemFailures(job.getJobName(), notPaid);
        LOG.info(() -> "Payouts run " + job.getInstanceId() + ": " + items.size() + " attempted, " + notPaid
                + " not paid yet");
    }
}
