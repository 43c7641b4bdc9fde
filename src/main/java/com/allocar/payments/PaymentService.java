package com.allocar.payments;

import com.allocar.bookings.Booking;
import com.allocar.bookings.BookingCharge;
import com.allocar.bookings.BookingSettlement;
import com.allocar.bookings.SettlementResult;
import com.allocar.identity.User;
import com.allocar.payments.provider.Amounts;
import com.allocar.payments.provider.Checkout;
import com.allocar.payments.provider.ProviderPaymentRef;
import com.allocar.payments.provider.ProviderPaymentStatus;
import com.allocar.platform.api.Page;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.BookingConflictException;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.errors.RateLimitedException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import com.allocar.platform.security.Ownership;
import com.allocar.wallet.WalletLedger;
import com.allocar.wallet.WalletService;
import com.allocar.wallet.WalletTxnSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The payments' transactions (PAY-1, PAY-5, WAL-1 top-ups), one use case per method. Provider calls happen
 * between them, in {@link PaymentFlow}, never inside.
 */
@ApplicationScoped
public class PaymentService {
    public static final ListSpec MINE = ListSpec.builder()
            .filter("status", FilterType.of(PaymentStatus.class))
            .filter("method", FilterType.of(PaymentMethod.class))
            .filter("booking_id", FilterType.UUID_VALUE)
            .filter("created_at", FilterType.INSTANT)
            .sortable("created_at", "amount")
            .defaultSort("created_at", true)
            .build();
    /** PAY-5: at most this many failed card payments per user per {@link #CARD_FAILURE_WINDOW}. */
    public static final int CARD_FAILURES_MAX = 3;
    public static final Duration CARD_FAILURE_WINDOW = Duration.ofHours(24);
    public static final BigDecimal TOPUP_MIN = BigDecimal.valueOf(100);
    public static final BigDecimal TOPUP_MAX = BigDecimal.valueOf(2_000_000);

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    PaymentRepository payments;
    @Inject
    BookingSettlement settlement;
    @Inject
    PaymentSettler settler;
    @Inject
    CardFailures cardFailures;
    @Inject
    WalletLedger ledger;
    @Inject
    WalletService wallets;
    @Inject
    Ownership ownership;
    @Inject
    AuditService audit;

    /** What the provider needs to open (or find) the attempt, and the older attempts to cancel there. */
    public record Opened(UUID paymentId, boolean created, BigDecimal amount, String payerPhone, String description,
                         List<ProviderPaymentRef> superseded, List<PaymentMethod> supersededMethods) {
    }

    /**
     * Transaction 1 of a provider payment of a booking: the charge as the server computes it, the card rule
     * (PAY-5), MTN's payer phone, and the booking's open attempt with this method (reused, or created).
     */
    @Transactional
    public Opened openForBooking(UUID userId, UUID bookingId, PaymentMethod method) {
        BookingCharge charge = settlement.chargeFor(userId, bookingId);
        if (method == PaymentMethod.card) {
            requireCardAllowed(userId);
        }
        String phone = method == PaymentMethod.mtn ? requirePhone(userId) : null;
        BigDecimal amount = Amounts.wholeFrancs(charge.amount());
        PaymentRepository.Attempt attempt = payments.openAttempt(bookingId, userId, method, amount);
        if (!Amounts.same(attempt.payment().getAmount(), amount)) {
            // the booking's amount changed since that attempt: it must not be paid for the old amount
            settler.failed(attempt.payment(), "amount_changed", "init");
            em.flush();
            attempt = payments.openAttempt(bookingId, userId, method, amount);
        }
        Payment payment = attempt.payment();
        boolean created = attempt.created();
        if (created) {
            audit.record(ActorType.user, userId, "payment.init", "payments", payment.getId(),
                    Map.of("booking_id", bookingId.toString(), "method", method.name(), "amount", amount));
        }
        List<Payment> others = payments.otherOpenAttempts(bookingId, method);
        return new Opened(payment.getId(), created, amount, phone, charge.description(),
                others.stream().map(PaymentService::refOf).toList(),
                others.stream().map(Payment::getMethod).toList());
    }

    /** Transaction 1 of a top-up (WAL-1): bounds, the wallet switch, the card rule, MTN's phone; a new payment. */
    @Transactional
    public Opened openTopup(UUID userId, BigDecimal amount, PaymentMethod method) {
        wallets.requireEnabled();
        if (method == PaymentMethod.wallet) {
            throw ValidationException.field("method", "must be one of wave, orange, mtn, card");
        }
        if (amount.stripTrailingZeros().scale() > 0 || amount.compareTo(TOPUP_MIN) < 0
                || amount.compareTo(TOPUP_MAX) > 0) {
            throw ValidationException.field("amount", "must be whole francs from " + TOPUP_MIN + " to " + TOPUP_MAX);
        }
        if (method == PaymentMethod.card) {
            requireCardAllowed(userId);
        }
        String phone = method == PaymentMethod.mtn ? requirePhone(userId) : null;
        Payment payment = Payment.forTopup(userId, method, Amounts.wholeFrancs(amount));
        em.persist(payment);
        audit.record(ActorType.user, userId, "payment.init", "payments", payment.getId(),
                Map.of("purpose", "topup", "method", method.name(), "amount", payment.getAmount()));
        return new Opened(payment.getId(), true, payment.getAmount(), phone, "AlloCar: recharge du portefeuille",
                List.of(), List.of());
    }

    /**
     * Transaction 2: what the provider answered. When it says an earlier attempt of this payment was already paid
     * (Wave found a paid session), the payment is settled now.
     */
    @Transactional
    public PaymentView recordCheckout(UUID paymentId, Checkout checkout) {
        Payment payment = payments.lockForSettlement(paymentId).orElseThrow(() -> new NotFoundException("No such payment."));
        if (payment.getStatus().open() || payment.getProviderRef() == null) {
            payment.recordCheckout(checkout.providerRef(), checkout.redirectUrl(), checkout.payToken(),
                    checkout.notifToken());
            payment.setRawPayload(checkout.raw());
        }
        if (checkout.status() == ProviderPaymentStatus.succeeded && payment.getStatus().canMoveTo(PaymentStatus.paid)) {
            settler.paid(payment, null, "checkout", true);
        }
        return PaymentView.of(payment);
    }

    /** The provider refused to open the attempt: failed, with its reason (PAY-5 counts card ones). */
    @Transactional
    public void failAtStart(UUID paymentId, String reason) {
        payments.lock(paymentId).ifPresent(payment -> {
            settler.failed(payment, reason, "init");
            cardFailures.record(payment, null, reason);
        });
    }

    /**
     * A booking paid from the wallet, in one transaction: debit (402 when the balance is short), payment paid,
     * booking settled with its commission. When the seats are gone nothing of it stays: 409 booking_conflict and
     * the whole transaction (debit included) rolls back.
     */
    @Transactional
    public PaymentView payFromWallet(UUID userId, UUID bookingId) {
        wallets.requireEnabled();
        BookingCharge charge = settlement.chargeFor(userId, bookingId);
        // trip → booking → wallet, the order every booking change and refund takes: no lock cycle with them
        settlement.lockBooking(bookingId);
        Payment payment = Payment.forBooking(em.getReference(Booking.class, bookingId), userId, PaymentMethod.wallet,
                Amounts.wholeFrancs(charge.amount()));
        em.persist(payment);
        ledger.debit(userId, new WalletLedger.Movement(payment.getAmount(), WalletTxnSource.payment, "payment",
                payment.getId(), "payment:" + payment.getId(), charge.description()));
        audit.record(ActorType.user, userId, "payment.init", "payments", payment.getId(),
                Map.of("booking_id", bookingId.toString(), "method", "wallet", "amount", payment.getAmount()));
        if (settler.paid(payment, null, "wallet", false) == SettlementResult.REFUND) {
            throw new BookingConflictException("The seats of this booking are no longer available.",
                    Map.of("booking_id", bookingId.toString()));
        }
        return PaymentView.of(payment);
    }

    /** One of my payments; others' are 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PaymentView get(UUID id) {
        return PaymentView.of(ownership.mine(Payment.class, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PaymentView> mine(ListQuery query) {
        return payments.page(query, ownership.mineOnly("userId")).map(PaymentView::of);
    }

    /** Orange's stored notification token of a payment (read for the webhook check, in a short transaction). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> notifTokenOf(UUID paymentId) {
        return payments.find(paymentId).map(Payment::getNotifToken);
    }

    /** What a provider needs to look an attempt up; empty when unknown or not yet opened at the provider. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ProviderPaymentRef> providerRefOf(UUID paymentId, PaymentMethod method) {
        return payments.find(paymentId).filter(p -> p.getMethod() == method && p.getProviderRef() != null)
                .map(PaymentService::refOf);
    }

    /** An open attempt at its provider. */
    public record OpenAttempt(PaymentMethod method, ProviderPaymentRef ref) {
    }

    /** The booking's open attempts that reached a provider (to stop them there once the booking is cancelled). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<OpenAttempt> openAttemptsOf(UUID bookingId) {
        return payments.otherOpenAttempts(bookingId, PaymentMethod.wallet).stream()
                .map(p -> new OpenAttempt(p.getMethod(), refOf(p))).toList();
    }

    static ProviderPaymentRef refOf(Payment payment) {
        return new ProviderPaymentRef(payment.getId(), payment.getProviderRef(), payment.getAmount(),
                payment.getCurrency(), payment.getPayToken());
    }

    /** PAY-5: the 4th card payment after 3 failures in 24 h is refused until the oldest of them is 24 h old. */
    void requireCardAllowed(UUID userId) {
        Instant now = Instant.now();
        List<Instant> failures = payments.cardFailuresSince(userId, now.minus(CARD_FAILURE_WINDOW), CARD_FAILURES_MAX);
        if (failures.size() >= CARD_FAILURES_MAX) {
            Instant oldest = failures.get(failures.size() - 1);
            long wait = Math.max(1, Duration.between(now, oldest.plus(CARD_FAILURE_WINDOW)).toSeconds() + 1);
            throw new RateLimitedException("card_failures", wait);
        }
    }

    private String requirePhone(UUID userId) {
        User user = em.find(User.class, userId);
        if (user == null || user.getPhone() == null || user.getPhone().isBlank()) {
            throw ValidationException.field("method", "mtn needs a phone number on your account (the payer approves on it)");
        }
        return user.getPhone();
    }
}
