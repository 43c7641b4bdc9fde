package com.allocar.disputes;

import com.allocar.bookings.Booking;
import com.allocar.bookings.BookingService;
import com.allocar.earnings.DriverLedger;
import com.allocar.earnings.LedgerKind;
import com.allocar.earnings.LedgerPosting;
import com.allocar.payments.BookingPayments;
import com.allocar.payments.RefundOutcome;
import com.allocar.payments.RefundRoute;
import com.allocar.payments.Refunds;
import com.allocar.platform.api.Page;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.JpaLists;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Support's work on disputes (ADM-2, section 14: super, ops, support, compliance): list, read, write to the parties,
 * assign, move along open → investigating → resolved | rejected. A resolution may give money back to the passenger
 * through the refund path of payments ({@link Refunds}, which reverses the driver's share of a completed ride's
 * earning) and charge the driver through the earnings ledger, in the transaction that settles the dispute: a
 * dispute is settled once (row lock, version, transition), so nothing is refunded or charged twice.
 */
@ApplicationScoped
public class DisputeDesk {
    public static final ListSpec LIST = ListSpec.builder()
            .filter("status", FilterType.of(DisputeStatus.class))
            .filter("category", FilterType.of(DisputeCategory.class))
            .filter("assigned_to", FilterType.UUID_VALUE)
            .filter("booking_id", FilterType.UUID_VALUE)
            .filter("created_at", FilterType.INSTANT)
            .sortable("created_at", "updated_at")
            .defaultSort("created_at", true)
            .build();

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    DisputeRepository disputes;
    @Inject
    DisputeService service;
    @Inject
    DisputeWriter writer;
    @Inject
    DisputeNotices notices;
    @Inject
    BookingService bookings;
    @Inject
    BookingPayments payments;
    @Inject
    Refunds refunds;
    @Inject
    DriverLedger ledger;
    @Inject
    AuditService audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DisputeView> list(ListQuery query) {
        return JpaLists.page(em, Dispute.class, query, DisputeService.ATTRIBUTES, JpaLists.Scope.none())
                .map(d -> DisputeView.forAdmin(d, service.attachments(d)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DisputeView get(UUID id) {
        Dispute dispute = find(id);
        return DisputeView.forAdmin(dispute, service.attachments(dispute));
    }

    /** The dispute's messages, oldest first; an admin reading the parties' words is audited. */
    @Transactional
    public Page<DisputeMessageView> messages(UUID adminId, UUID id, ListQuery query) {
        find(id);
        audit.record(ActorType.admin, adminId, "dispute.messages_read", "disputes", id, Map.of("page", query.page()));
        return service.page(id, query, true);
    }

    @Transactional
    public DisputeMessageView post(UUID adminId, UUID id, DisputeRequests.Message request) {
        String body = DisputeTexts.checked("body", request.body(), 1, DisputeRequests.MAX_MESSAGE);
        return DisputeMessageView.of(writer.message(id, DisputeMessage.Author.admin, adminId, body), true);
    }

    /**
     * Assigns and/or moves the dispute on, under its row lock and against the version the admin read. The assignee
     * was checked by the caller (an active admin whose role handles disputes), and so was the admin's right to move
     * money. Audited; both parties are told of a new status.
     */
    @Transactional
    public DisputeView update(UUID adminId, UUID id, DisputeRequests.Update change) {
        DisputeStatus target = change.target();
        String resolution = checkedShape(change, target);
        Dispute dispute = disputes.lock(id).orElseThrow(() -> new NotFoundException("No such dispute."));
        if (change.version() != dispute.getVersion()) {
            throw new ConflictException("The dispute was changed since you read it; read it again.",
                    Map.of("reason", "version_mismatch", "version", dispute.getVersion()));
        }
        if (change.assigneeId() != null) {
            UUID before = dispute.getAssignedTo();
            dispute.assign(change.assigneeId());
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("assigned_to", change.assigneeId().toString());
            meta.put("previous", before == null ? null : before.toString());
            audit.record(ActorType.admin, adminId, "dispute.assigned", "disputes", id, meta);
        }
        if (target != null) {
            move(adminId, dispute, target, resolution, change);
        }
        em.flush();
        return DisputeView.forAdmin(dispute, service.attachments(dispute));
    }

    private void move(UUID adminId, Dispute dispute, DisputeStatus target, String resolution,
                      DisputeRequests.Update change) {
        DisputeStatus from = dispute.getStatus();
        Booking booking = bookings.forParty(dispute.getPassengerId(), dispute.getBookingId());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("from", from.name());
        meta.put("to", target.name());
        if (target == DisputeStatus.investigating) {
            dispute.investigate();
        } else {
            dispute.settle(target, resolution, adminId, Instant.now().truncatedTo(ChronoUnit.MICROS));
            meta.put("resolution", resolution);
            if (target == DisputeStatus.resolved) {
                settleMoney(adminId, dispute, booking, change, meta);
            }
        }
        audit.record(ActorType.admin, adminId, "dispute." + target.name(), "disputes", dispute.getId(), meta);
        notices.stepped(dispute, booking);
    }

    /**
     * The passenger's refund through payments' refund path (capped there by what the payment paid less what was
     * refunded or is being refunded: 409 beyond it) and the driver's charge as a ledger entry of its own cause.
     */
    private void settleMoney(UUID adminId, Dispute dispute, Booking booking, DisputeRequests.Update change,
                             Map<String, Object> meta) {
        BigDecimal charge = change.driverCharge() == null ? BigDecimal.ZERO : BigDecimal.valueOf(change.driverCharge());
        if (charge.compareTo(booking.getAmountTotal()) > 0) {
            throw ValidationException.field("driver_charge", "must be at most the booking's amount ("
                    + booking.getAmountTotal().setScale(0, java.math.RoundingMode.HALF_UP) + ")");
        }
        BigDecimal refunded = BigDecimal.ZERO;
        UUID refundId = null;
        if (change.refundAmount() != null) {
            BookingPayments.Collected paid = payments.settledPayment(booking.getId())
                    .orElseThrow(() -> new ConflictException("The booking has no payment to refund.",
                            Map.of("reason", "nothing_to_refund")));
            RefundOutcome refund = refunds.refundPayment(paid.paymentId(), BigDecimal.valueOf(change.refundAmount()),
                    RefundRoute.ORIGINAL, "dispute", ActorType.admin, adminId);
            refunded = refund.amount();
            refundId = refund.refundId();
            meta.put("refund_id", refundId.toString());
            meta.put("refund_amount", refunded);
            meta.put("payment_id", paid.paymentId().toString());
        }
        if (change.driverCharge() != null) {
            ledger.post(new LedgerPosting(dispute.getDriverId(), LedgerKind.dispute_charge, charge.negate(), null,
                    null, null, booking.getId(), booking.getTrip().getId(), null, null, null,
                    "dispute-charge:" + dispute.getId(), Instant.now(), "Retenue décidée sur un litige"));
            meta.put("driver_charge", charge);
        }
        dispute.recordMoney(refunded, refundId, charge);
    }

    /** The change's fields go together: a resolution text to settle, money only to resolve. Answers the text. */
    private static String checkedShape(DisputeRequests.Update change, DisputeStatus target) {
        if (change.assigneeId() == null && target == null) {
            throw ValidationException.field("status", "give assignee_id, status or both");
        }
        boolean settling = target == DisputeStatus.resolved || target == DisputeStatus.rejected;
        if (!settling && change.resolution() != null) {
            throw ValidationException.field("resolution", "is given only with status resolved or rejected");
        }
        if (target != DisputeStatus.resolved) {
            if (change.refundAmount() != null) {
                throw ValidationException.field("refund_amount", "is given only with status resolved");
            }
            if (change.driverCharge() != null) {
                throw ValidationException.field("driver_charge", "is given only with status resolved");
            }
        }
        return settling ? DisputeTexts.checked("resolution", change.resolution(), 3, DisputeRequests.MAX_RESOLUTION)
                : null;
    }

    private Dispute find(UUID id) {
        return disputes.find(id).orElseThrow(() -> new NotFoundException("No such dispute."));
    }
}
