package com.allocar.payments;

import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.wallet.WalletDebts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Money a provider gave back to the payer on its own side (a refund made there, a chargeback), applied with the
 * webhook that reports it: a top-up's wallet credit is taken back ({@link WalletDebts#reverseTopup}: debited as far
 * as the balance goes, the rest an open debt for finance), so the same money cannot be withdrawn as well. A
 * disputed booking payment is audited for finance (the dispute is answered in Stripe's dashboard).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProviderReversals {
    @Inject
    WalletDebts debts;
    @Inject
    AuditService audit;

    /** {@code amount} more of the payment was refunded at the provider by the event {@code eventId}. */
    public void refunded(Payment payment, BigDecimal amount, String eventId) {
        if (payment.getPurpose() == PaymentPurpose.topup && amount.signum() > 0) {
            debts.reverseTopup(payment.getUserId(), payment.getId(), payment.getAmount(), amount, "topup_refunded",
                    payment.getMethod() + ":" + eventId);
        }
    }

    /** The payer's bank disputed {@code amount} of the payment (the provider has taken it back meanwhile). */
    public WebhookOutcome disputed(Payment payment, BigDecimal amount, String eventId, String reason) {
        if (!payment.getStatus().collected()) {
            return WebhookOutcome.already_applied;
        }
        BigDecimal disputed = amount == null ? payment.getAmount() : amount.min(payment.getAmount());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("amount", disputed);
        meta.put("purpose", payment.getPurpose().name());
        meta.put("event_id", eventId);
        if (reason != null) {
            meta.put("reason", reason);
        }
        if (payment.getPurpose() == PaymentPurpose.topup) {
            WalletDebts.Reversal reversal = debts.reverseTopup(payment.getUserId(), payment.getId(), payment.getAmount(),
                    disputed, "topup_disputed", payment.getMethod() + ":" + eventId);
            meta.put("debited", reversal.debited());
            meta.put("owed", reversal.owed());
        }
        audit.record(ActorType.system, null, "payment.disputed", "payments", payment.getId(), meta);
        return WebhookOutcome.applied;
    }
}
