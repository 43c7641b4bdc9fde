package com.allocar.bookings;

import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes what every booking transition leaves behind, in its transaction (BOOK-3): the booking_events row, the
 * audit_logs row, and the {@link BookingChanged} event.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BookingJournal {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    AuditService audit;
    @Inject
    Event<BookingChanged> changed;

    /**
     * @param action the audit action without its prefix: {@code create}, {@code accept}, {@code cancel} …
     * @param meta   what the event and audit rows keep beside the statuses (reason, amounts, payment id …)
     */
    public void transition(Booking booking, BookingStatus from, String action, ActorType actorType, UUID actorId,
                           Map<String, ?> meta) {
        em.flush();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("from", from == null ? null : from.name());
        all.put("to", booking.getStatus().name());
        all.putAll(meta);
        em.persist(new BookingEvent(booking, from, booking.getStatus(), actorType,
                actorType == ActorType.system ? null : actorId, meta.isEmpty() ? null : Json.write(meta)));
        audit.record(actorType, actorId, "booking." + action, "bookings", booking.getId(), all);
        changed.fire(new BookingChanged(booking.getId(), booking.getTrip().getId(), booking.ownerId(),
                booking.driverId(), from, booking.getStatus()));
    }

    /** A fact about a booking that is not a status change (check-in, ride start): audit row only. */
    public void note(Booking booking, String action, ActorType actorType, UUID actorId, Map<String, ?> meta) {
        em.flush();
        audit.record(actorType, actorId, "booking." + action, "bookings", booking.getId(), meta);
    }
}
