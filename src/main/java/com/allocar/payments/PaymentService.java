package com.allocar.payments;

import com.allocar.bookings.Booking;
import com.allocar.bookings.BookingCharge;
import com.allocar.bookings.BookingSettlement;
import com.allocar.bookings.SettlementResult;
import com.allocar.identity.User;
import com.allocar.payments.provider.Amounts;
import com.allocar.payments.provider.Checkout;
import com.allocar.payments.provider.PaymentGateways;
import com.allocar.payments.provider.ProviderPaymentRef;
import com.allocar.payments.provider.ProviderPaymentStatus;
import com.allocar.platform.api.Page;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.BookingConflictException;
import com.allocar.platform.errors.ConflictException;
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
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The payments' transactions (PAY-1, PAY-5, WAL-1 top-ups), one use case per method. Provider calls happen
 * between them, in {@link PaymentFlow}, never inside.
 */
@ApplicationScoped
public class PaymentService {
    private static final Logger LOG = Logger.getLogger(PaymentService.class.getName());
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
    @Inject
    PromoAtInit promoAtInit;

    /** How long an attempt may stay {@code opening} (its provider call under way) before a retry takes it over. */
    static final Duration OPENING_LEASE = Duration.ofSeconds(30);
    /** An open attempt is offered again only while it stays payable at least this long. */
    static final Duration REUSE_MARGIN = Duration.ofMinutes(2);
    /** How long an attempt whose provider gives no expiry (Orange, MTN) is offered again. */
    static final Duration REUSE_WITHOUT_EXPIRY = Duration.ofMinutes(5);
    /** Stripe keeps an idempotency key 24 h: within it, the same key gives the same PaymentIntent again. */
    static final Duration STRIPE_REUSE = Duration.ofHours(23);

    /**
     * What the provider needs to open (or find) the attempt, and the attempts to stop at their providers.
     *
     * @param attemptId  our reference of the attempt at the provider
     * @param reuse      the open attempt answered again without a provider call, or null: call the provider
     * @param superseded attempts the payer is no longer sent to (a replaced attempt, other methods' attempts)
     */
    public record Opened(UUID paymentId, UUID attemptId, boolean created, BigDecimal amount, String payerPhone,
                         String description, Reuse reuse, List<PaymentRepository.OpenAttempt> superseded) {
    }

    /** An open attempt offered again as it was stored. */
    public record Reuse(PaymentView payment, String redirectUrl, String appDataJson) {
    }

    /** What to do with the payment's live attempt when the payer asks to pay again. */
    enum Next { REUSE, CALL_AGAIN, REPLACE }

    /**
     * Transaction 1 of a provider payment of a booking: the charge as the server computes it, the card rule
     * (PAY-5), MTN's payer phone, the booking's open payment with this method (reused, or created) and its attempt:
     * under the booking's lock, so concurrent inits of one booking see each other's attempt, at most one attempt
     * per payment is live. A live attempt is offered again while the provider keeps it payable; else it is
     * superseded (a success of it is still accepted) and a new one opened.
     *
     * @throws ConflictException 409 when another init of this payment is calling its provider right now
     */
    @Transactional
    public Opened openForBooking(UUID userId, UUID bookingId, PaymentMethod method, String promoCode) {
        BookingCharge charge = settlement.chargeFor(userId, bookingId);
        if (method == PaymentMethod.card) {
            requireCardAllowed(userId);
        }
        String phone = method == PaymentMethod.mtn ? requirePhone(userId) : null;
        // trip → booking → payment → attempt: every init of this booking waits here for the one before it
        settlement.lockBooking(bookingId);
        BigDecimal fare = Amounts.wholeFrancs(charge.amount());
        List<PaymentRepository.OpenAttempt> stopped = new ArrayList<>();
        PromoAtInit.Applied promo = promoAtInit.apply(userId, bookingId, promoCode, fare, stopped);
        BigDecimal amount = fare.subtract(promo.discount());
        PaymentRepository.Attempt open = payments.openPayment(bookingId, userId, method, amount, promo.discount(),
                promo.redemptionId());
        boolean samePromo = Objects.equals(open.payment().getPromoRedemptionId(), promo.redemptionId());
        if (!Amounts.same(open.payment().getAmount(), amount) || !samePromo) {
            // the booking's amount (or promo) changed since that payment: it must not be paid for the old amount
            payments.liveAttempt(open.payment().getId()).ifPresent(PaymentAttempt::supersede);
            settler.failed(open.payment(), samePromo ? "amount_changed" : "promo_changed", "init", !samePromo);
            em.flush();
            open = payments.openPayment(bookingId, userId, method, amount, promo.discount(), promo.redemptionId());
        }
        Payment payment = open.payment();
        if (open.created()) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("booking_id", bookingId.toString());
            meta.put("method", method.name());
            meta.put("amount", amount);
            if (promo.redemptionId() != null) {
                meta.put("discount", promo.discount());
                meta.put("promo_redemption_id", promo.redemptionId().toString());
            }
            audit.record(ActorType.user, userId, "payment.init", "payments", payment.getId(), meta);
        }
        List<PaymentRepository.OpenAttempt> superseded = new ArrayList<>(stopped);
        superseded.addAll(payments.cancellableAttempts(bookingId, payment.getId(), false));
        PaymentProvider provider = PaymentGateways.providerOf(method).orElseThrow();
        Optional<PaymentAttempt> live = payments.liveAttempt(payment.getId());
        Instant now = Instant.now();
        Next next = live.map(attempt -> next(attempt, now)).orElse(Next.REPLACE);
        if (next == Next.REUSE) {
            PaymentAttempt attempt = live.get();
            return new Opened(payment.getId(), attempt.getId(), false, amount, phone, charge.description(),
                    new Reuse(PaymentView.of(payment), attempt.getCheckoutUrl(), attempt.getAppData()), superseded);
        }
        if (next == Next.CALL_AGAIN) {
            payments.touch(live.get());
            return new Opened(payment.getId(), live.get().getId(), open.created(), amount, phone, charge.description(),
                    null, superseded);
        }
        live.ifPresent(attempt -> {
            attempt.supersede();
            Optional.ofNullable(attempt.ref(payment))
                    .ifPresent(ref -> superseded.add(new PaymentRepository.OpenAttempt(attempt.getProvider(), ref)));
        });
        em.flush();
        PaymentAttempt attempt = payments.newAttempt(payment, provider);
        if (live.isPresent()) {
            audit.record(ActorType.user, userId, "payment.attempt_replaced", "payments", payment.getId(),
                    Map.of("attempt_id", attempt.getId().toString(), "superseded_attempt_id",
                            live.get().getId().toString()));
        }
        return new Opened(payment.getId(), attempt.getId(), open.created(), amount, phone, charge.description(), null,
                superseded);
    }

    /**
     * Whether the live attempt is offered again as stored, asked for again under the same reference (a provider
     * that answers the same attempt again: Stripe's idempotency key; any provider after a lost answer), or
     * replaced.
     *
     * @throws ConflictException 409 while another init is calling the provider for it
     */
    static Next next(PaymentAttempt attempt, Instant now) {
        if (attempt.getStatus() == AttemptStatus.opening) {
            if (attempt.getOpeningUntil() != null && attempt.getOpeningUntil().isAfter(now)) {
                throw new ConflictException("This payment is being opened at its provider; try again in a moment.",
                        Map.of("payment_id", attempt.getPaymentId().toString(), "reason", "attempt_opening"));
            }
            return Next.CALL_AGAIN;
        }
        if (attempt.getProvider() == PaymentProvider.stripe) {
            return attempt.getCreatedAt().isAfter(now.minus(STRIPE_REUSE)) ? Next.CALL_AGAIN : Next.REPLACE;
        }
        if (attempt.getAppData() == null) {
            return Next.REPLACE;
        }
        Instant payableUntil = attempt.getExpiresAt() != null ? attempt.getExpiresAt()
                : attempt.getCreatedAt().plus(REUSE_WITHOUT_EXPIRY);
        return payableUntil.isAfter(now.plus(attempt.getExpiresAt() != null ? REUSE_MARGIN : Duration.ZERO))
                ? Next.REUSE : Next.REPLACE;
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
        em.flush();
        PaymentAttempt attempt = payments.newAttempt(payment, PaymentGateways.providerOf(method).orElseThrow());
        audit.record(ActorType.user, userId, "payment.init", "payments", payment.getId(),
                Map.of("purpose", "topup", "method", method.name(), "amount", payment.getAmount()));
        return new Opened(payment.getId(), attempt.getId(), true, payment.getAmount(), phone,
                "AlloCar: recharge du portefeuille", null, List.of());
    }

    /**
     * Transaction 2: what the provider answered, on the attempt (its reference and tokens, never another attempt's).
     * When it says the attempt was already paid (Wave found a paid session), it is settled now.
     */
    @Transactional
    public PaymentView recordCheckout(UUID paymentId, UUID attemptId, Checkout checkout) {
        Payment payment = payments.lockForSettlement(paymentId).orElseThrow(() -> new NotFoundException("No such payment."));
        PaymentAttempt attempt = payments.lockAttempt(payments.attempt(attemptId).orElseThrow());
        if (attempt.getProviderRef() == null) {
            attempt.opened(checkout, appData(checkout));
            if (payment.getStatus().open()) {
                payment.showAttempt(checkout.providerRef());
            }
        } else if (!attempt.getProviderRef().equals(checkout.providerRef())) {
            LOG.warning(() -> "Attempt " + attemptId + " answered with another provider reference; the first is kept");
        }
        if (checkout.status() == ProviderPaymentStatus.succeeded && attempt.getStatus() != AttemptStatus.succeeded
                && attempt.getPaymentId().equals(paymentId)) {
            settler.attemptSucceeded(payment, attempt, null, "checkout");
        }
        return PaymentView.of(payment);
    }

    /** What the app needs to go on with an attempt, kept to offer it again; Stripe's client secret is not kept. */
    private static String appData(Checkout checkout) {
        if (checkout.provider() == PaymentProvider.stripe) {
            return null;
        }
        JsonObjectBuilder json = Json.createObjectBuilder();
        checkout.appData().forEach(json::add);
        return json.build().toString();
    }

    /**
     * The provider gave no usable answer (503 to the client): the attempt stays opening, under the same reference,
     * and the payer's retry calls the provider again at once instead of waiting for the lease to run out.
     */
    @Transactional
    public void releaseOpening(UUID attemptId) {
        payments.releaseOpening(attemptId);
    }

    /** The provider refused to open the attempt: it fails, and its payment with it (PAY-5 counts card ones). */
    @Transactional
    public void failAtStart(UUID paymentId, UUID attemptId, String reason) {
        payments.lock(paymentId).ifPresent(payment -> {
            payments.attempt(attemptId).map(payments::lockAttempt)
                    .ifPresent(attempt -> settler.attemptFailed(payment, attempt, reason, "init", false));
            cardFailures.record(payment, null, reason);
        });
    }

    /**
     * A booking paid from the wallet, in one transaction: debit (402 when the balance is short), payment paid,
     * booking settled with its commission. When the seats are gone nothing of it stays: 409 booking_conflict and
     * the whole transaction (debit included) rolls back.
     */
    @Transactional
    public PaymentView payFromWallet(UUID userId, UUID bookingId, String promoCode) {
        wallets.requireEnabled();
        BookingCharge charge = settlement.chargeFor(userId, bookingId);
        // trip → booking → wallet, the order every booking change and refund takes: no lock cycle with them
        settlement.lockBooking(bookingId);
        BigDecimal fare = Amounts.wholeFrancs(charge.amount());
        PromoAtInit.Applied promo = promoAtInit.apply(userId, bookingId, promoCode, fare, new ArrayList<>());
        Payment payment = Payment.forBooking(em.getReference(Booking.class, bookingId), userId, PaymentMethod.wallet,
                fare.subtract(promo.discount()));
        payment.discounted(promo.discount(), promo.redemptionId());
        em.persist(payment);
        ledger.debit(userId, new WalletLedger.Movement(payment.getAmount(), WalletTxnSource.payment, "payment",
                payment.getId(), "payment:" + payment.getId(), charge.description()));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("booking_id", bookingId.toString());
        meta.put("method", "wallet");
        meta.put("amount", payment.getAmount());
        if (promo.redemptionId() != null) {
            meta.put("discount", promo.discount());
            meta.put("promo_redemption_id", promo.redemptionId().toString());
        }
        audit.record(ActorType.user, userId, "payment.init", "payments", payment.getId(), meta);
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

    /** Orange's notification token of an attempt (read for the webhook check, in a short transaction). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> notifTokenOf(UUID attemptId) {
        return payments.attempt(attemptId).filter(a -> a.getProvider() == PaymentProvider.orange)
                .map(PaymentAttempt::getNotifToken);
    }

    /**
     * What an unsigned hint names: whether it is an attempt of {@code provider} at all ({@code known}) and, when that
     * attempt is still waiting for the provider's word, what the provider needs to look it up ({@code ref}, else
     * null). A hint about anything else is dropped unstored.
     */
    public record HintTarget(boolean known, ProviderPaymentRef ref) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public HintTarget hintTarget(UUID attemptId, PaymentProvider provider) {
        Optional<PaymentAttempt> attempt = payments.attempt(attemptId).filter(a -> a.getProvider() == provider);
        return new HintTarget(attempt.isPresent(), attempt
                .filter(a -> a.getStatus().awaiting() && a.getProviderRef() != null)
                .flatMap(a -> payments.find(a.getPaymentId()).map(a::ref)).orElse(null));
    }

    /** The booking's attempts that may still be paid at a provider (to stop them there once it is cancelled). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<PaymentRepository.OpenAttempt> openAttemptsOf(UUID bookingId) {
        return payments.cancellableAttempts(bookingId, null, true);
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
