package com.allocar.payments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code payment_outcomes_total{method, outcome}} (OBS-2 "payment success"): paid, failed, refunded and mismatch
 * (a provider's word that did not match the stored payment), counted only once the deciding transaction committed,
 * so a rolled-back payment is never counted.
 */
@ApplicationScoped
public class PaymentMetrics {
    static final Metadata OUTCOMES = Metadata.builder().withName("payment_outcomes")
            .withDescription("Payments settled by the platform, by method and outcome (paid, failed, refunded, mismatch)")
            .build();

    @Inject
    MetricRegistry registry;

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) PaymentOutcome outcome) {
        registry.counter(OUTCOMES, new Tag("method", outcome.method().name()), new Tag("outcome", outcome.outcome()))
                .inc();
    }
}
