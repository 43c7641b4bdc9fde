package com.allocar.payments;

import com.allocar.bookings.BookingChanged;
import com.allocar.bookings.BookingStatus;
import com.allocar.payments.provider.PaymentGateway;
import com.allocar.payments.provider.PaymentGateways;
import com.allocar.payments.provider.ProviderException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

/**
 * Once a booking is cancelled (committed), its open payment attempts are stopped at their providers (Wave
 * expires the session, Stripe cancels the intent; Orange and MTN attempts lapse), so the passenger is not invited
 * to pay for a booking that is gone. Best effort, off the request thread: an attempt paid anyway is recorded by
 * its webhook and refunded by settlement. Superseded attempts are stopped too.
 */
@ApplicationScoped
public class OpenAttemptCanceller {
    private static final Logger LOG = Logger.getLogger(OpenAttemptCanceller.class.getName());

    @Resource(lookup = "concurrent/allocarScheduler")
    ManagedScheduledExecutorService scheduler;
    @Inject
    PaymentService payments;
    @Inject
    PaymentGateways gateways;

    void onBookingChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) BookingChanged changed) {
        if (changed.to() != BookingStatus.cancelled) {
            return;
        }
        try {
            scheduler.execute(() -> cancelOpenAttempts(changed.bookingId()));
        } catch (RejectedExecutionException e) {
            LOG.info(() -> "Open attempts of booking " + changed.bookingId() + " left to lapse: " + e.getMessage());
        }
    }

    void cancelOpenAttempts(UUID bookingId) {
        for (PaymentRepository.OpenAttempt attempt : payments.openAttemptsOf(bookingId)) {
            try {
                PaymentGateway gateway = gateways.gateway(attempt.provider());
                if (gateway.available()) {
                    gateway.cancel(attempt.ref());
                }
            } catch (ProviderException | IllegalArgumentException e) {
                LOG.info(() -> "Could not cancel payment " + attempt.ref().paymentId() + ": " + e.getMessage());
            }
        }
    }
}
