package com.allocar.wallet;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One attempt to pay money out (a wallet withdrawal, a driver payout), reduced to what the caller does next. Called
 * outside any transaction, after the attempt was claimed and committed. With the provider's id of an earlier attempt
 * it looks that payout up; without one, when an earlier attempt went unanswered, it first searches the provider for a
 * payout with our reference, and only then sends, always with our id as idempotency key, so a payout is never made
 * twice. A refusal after an unanswered attempt is not a failure (the first may have paid) but a case for review.
 */
public final class PayoutCall {
    private static final Logger LOG = Logger.getLogger(PayoutCall.class.getName());

    private PayoutCall() {
    }

    /**
     * What to pay.
     *
     * @param reference   our id of the transfer: idempotency key and client reference at the provider
     * @param providerRef the provider's id from an earlier attempt, or null
     * @param attempt     this attempt's number (1 for the first)
     * @param reason      the text the recipient sees
     */
    public record Transfer(String reference, BigDecimal amount, String phone, String providerRef, int attempt,
                           String reason) {
        /** Without the phone number, for logs. */
        @Override
        public String toString() {
            return "transfer " + reference + " attempt " + attempt + " (" + amount + " XOF)";
        }
    }

    public static Outcome call(Optional<PayoutGateway> gateway, Transfer transfer) {
        if (gateway.isEmpty()) {
            return Outcome.unresolved(null, "no_payout_gateway");
        }
        // an earlier attempt was claimed and left no provider reference: it may have reached the provider
        boolean earlierUnanswered = transfer.providerRef() == null && transfer.attempt() > 1;
        try {
            PayoutResult result;
            if (transfer.providerRef() != null) {
                result = gateway.get().lookUpPayout(transfer.providerRef());
            } else {
                Optional<PayoutResult> earlier = earlierUnanswered ? earlierPayout(gateway.get(), transfer)
                        : Optional.empty();
                result = earlier.isPresent() ? earlier.get()
                        : gateway.get().send(new PayoutRequest(transfer.reference(), transfer.amount(), "XOF",
                                transfer.phone(), null, transfer.reference(), transfer.reason()));
            }
            return switch (result.status()) {
                case succeeded -> Outcome.done(result.providerPayoutId());
                case failed, reversed -> Outcome.failed(result.providerPayoutId(),
                        result.failureReason() == null ? result.status().name() : result.failureReason());
                case processing -> Outcome.unresolved(result.providerPayoutId(), "provider_processing");
            };
        } catch (PayoutRefusedException e) {
            if (transfer.providerRef() != null) {
                // A look-up refused (the provider does not find its own payout): still unknown, never returned blindly.
                LOG.warning(() -> transfer + ": look-up refused (" + e.getMessage() + ")");
                return Outcome.unresolved(null, "lookup_refused");
            }
            String code = e.providerCode() == null ? "refused" : e.providerCode();
            if (earlierUnanswered) {
                // The refusal may answer this send only, while the unanswered one paid: finance checks it.
                LOG.warning(() -> transfer + ": refused (" + code + ") after an unanswered attempt; needs review");
                return Outcome.review("refused_after_unanswered_attempt: " + code);
            }
            return Outcome.failed(null, code);
        } catch (PayoutUnavailableException e) {
            return Outcome.unresolved(null, "provider_unavailable");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, transfer + " failed unexpectedly; outcome unknown", e);
            return Outcome.unresolved(null, "unexpected_error");
        }
    }

    /**
     * The payout an unanswered attempt may have made, searched by our reference. A search the provider refuses
     * finds nothing: the send that follows carries the same idempotency key.
     */
    private static Optional<PayoutResult> earlierPayout(PayoutGateway gateway, Transfer transfer) {
        try {
            return gateway.findPayout(transfer.reference());
        } catch (PayoutRefusedException e) {
            LOG.info(() -> transfer + ": payout search refused (" + e.getMessage() + "); sending with the same key");
            return Optional.empty();
        }
    }

    /** What the provider said, reduced to what the transfer does next. */
    public record Outcome(Kind kind, String providerRef, String reason) {
        public enum Kind { done, failed, unresolved, review }

        public static Outcome done(String providerRef) {
            return new Outcome(Kind.done, providerRef, null);
        }

        public static Outcome failed(String providerRef, String reason) {
            return new Outcome(Kind.failed, providerRef, reason);
        }

        public static Outcome unresolved(String providerRef, String reason) {
            return new Outcome(Kind.unresolved, providerRef, reason);
        }

        /** The provider may have paid and said no to a later send: finance decides. */
        public static Outcome review(String reason) {
            return new Outcome(Kind.review, null, reason);
        }
    }
}
