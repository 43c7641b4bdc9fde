package com.allocar.reconciliation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code reconciliation_differences_total{provider, kind, repaired}}: the differences the runs recorded, counted once
 * their page committed (a resumed run may count a difference of its last page again). The job's runs, items,
 * failures and durations are the jobs' own metrics.
 */
@ApplicationScoped
public class ReconciliationMetrics {
    static final Metadata DIFFERENCES = Metadata.builder().withName("reconciliation_differences")
            .withDescription("Differences between our payments and the providers' records found by the daily "
                    + "reconciliation, by provider, kind and whether the run repaired them")
            .build();

    @Inject
    MetricRegistry registry;

    void found(List<Difference> differences) {
        for (Difference d : differences) {
            registry.counter(DIFFERENCES, new Tag("provider", d.provider().name()), new Tag("kind", d.kind().name()),
                    new Tag("repaired", Boolean.toString(d.repaired()))).inc();
        }
    }
}
