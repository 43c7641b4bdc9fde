package com.allocar.bookings;

import com.allocar.bookings.BookingCancellations.Request;
import com.allocar.identity.User;
import com.allocar.platform.api.Page;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.errors.BookingConflictException;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.ForbiddenException;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.money.Pricing;
import com.allocar.platform.money.Pricing.CancellationCase;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import com.allocar.platform.security.Hashes;
import com.allocar.platform.settings.Settings;
import com.allocar.trips.Trip;
import com.allocar.trips.TripService;
import com.allocar.trips.TripStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bookings (BOOK-1..6): one transaction per use case, each transition through the entity's state machine, with its
 * event and audit rows ({@link BookingJournal}). Only the booking's passenger and its trip's driver see a booking;
 * anyone else gets 404, and a party asking for the other party's action gets 403.
 */
@ApplicationScoped
public class BookingService {
    public static final ListSpec LIST = ListSpec.builder()
            .filter("status", FilterType.of(BookingStatus.class))
            .filter("created_at", FilterType.INSTANT)
            .filter("departure_time", FilterType.INSTANT)
            .filter("trip_id", FilterType.UUID_VALUE)
            .sortable("created_at", "departure_time")
            .defaultSort("created_at", true)
            .parameters("role")
            .build();
    private static final Duration UNPAID_WINDOW = Duration.ofHours(24);

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    BookingRepository bookings;
    @Inject
    BookingJournal journal;
    @Inject
    BookingCancellations cancellations;
    @Inject
    BookingQr qr;
    @Inject
    TripService trips;
    @Inject
    Settings settings;
    @Inject
    Event<BookingCompleted> completed;
    @Inject
    UnreadMessages unread;

    private final Clock clock = Clock.systemUTC();

    /**
     * A seat request: pending, or accepted at once when the trip accepts automatically (and the platform allows
     * it). The trip must be published and ahead, not the passenger's own, with enough free seats; one open booking
     * per passenger and trip; at most {@code bookings.max_unpaid_per_24h} unpaid bookings per passenger (BOOK-6).
     */
    @Transactional
    public BookingView create(UUID passengerId, BookingRequests.Create request) {
        bookings.lockPassenger(passengerId);
        Instant now = now();
        Trip trip = em.find(Trip.class, request.tripId());
        if (trip == null || !trip.getStatus().isPublic()) {
            throw ValidationException.field("trip_id", "no such published trip");
        }
        if (trip.ownerId().equals(passengerId)) {
            throw new BookingConflictException("You cannot book your own trip.", Map.of("reason", "own_trip"));
        }
        if (trip.getStatus() != TripStatus.published || !trip.getDepartureTime().isAfter(now)) {
            throw new ConflictException("This trip no longer takes bookings: it has left.",
                    Map.of("trip_status", trip.getStatus().name()));
        }
        Booking.requireFreeSeats(trip, request.seats());
        bookings.openBooking(trip.getId(), passengerId).ifPresent(existing -> {
            throw new ConflictException("You already have a booking on this trip.",
                    Map.of("booking_id", existing.toString()));
        });
        int limit = settings.maxUnpaidBookingsPer24h();
        if (bookings.unpaidSince(passengerId, now.minus(UNPAID_WINDOW)) >= limit) {
            throw new BookingConflictException("At most " + limit + " unpaid bookings in 24 hours: pay or cancel one "
                    + "first.", Map.of("reason", "unpaid_limit", "limit", limit, "window_hours", 24));
        }
        Instant answerBy = now.plus(settings.bookingPendingExpiry());
        Booking booking = new Booking(trip, em.getReference(User.class, passengerId), request.seats(),
                Pricing.bookingTotal(trip.getPricePerSeat(), request.seats()),
                answerBy.isBefore(trip.getDepartureTime()) ? answerBy : trip.getDepartureTime());
        bookings.add(booking);
        journal.transition(booking, null, "create", ActorType.user, passengerId,
                Map.of("seats", request.seats(), "amount_total", booking.getAmountTotal()));
        if (trip.isAllowAutoAccept() && settings.allowAutoAccept()) {
            BookingStatus from = booking.accept();
            journal.transition(booking, from, "accept", ActorType.system, null, Map.of("auto", true));
        }
        return view(bookings.find(booking.getId()).orElseThrow(), passengerId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BookingView get(UUID callerId, UUID id) {
        Booking booking = bookings.find(id).filter(b -> isParty(b, callerId))
                .orElseThrow(BookingService::notFound);
        return view(booking, callerId);
    }

    /** The caller's bookings as a passenger, or the bookings on the caller's trips as a driver. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<BookingView> list(UUID callerId, String role, ListQuery query) {
        String owner = switch (role == null ? "passenger" : role) {
            case "passenger" -> "passenger";
            case "driver" -> "trip.driver";
            default -> throw ValidationException.field("role", "must be passenger or driver");
        };
        Page<Booking> page = bookings.page(query, (cb, root) -> List.of(cb.equal(
                "passenger".equals(owner) ? root.get("passenger").get("id")
                        : root.get("trip").get("driver").get("id"), callerId)));
        Map<UUID, Integer> unreadByBooking = unread.count(callerId,
                page.items().stream().map(Booking::getId).toList());
        return page.map(b -> BookingView.of(b, callerId, unreadByBooking.getOrDefault(b.getId(), 0)));
    }

    /** pending → accepted by the trip's driver, before the answer deadline, while the seats are free. */
    @Transactional
    public BookingView accept(UUID driverId, UUID id) {
        Booking booking = asDriver(driverId, id);
        if (booking.getStatus() == BookingStatus.pending && !booking.getExpiresAt().isAfter(now())) {
            throw new ConflictException("This request has expired.", Map.of("status", "pending",
                    "expired_at", booking.getExpiresAt().toString()));
        }
        booking.getStatus().requireTransitionTo(BookingStatus.accepted);
        Booking.requireFreeSeats(booking.getTrip(), booking.getSeats());
        BookingStatus from = booking.accept();
        journal.transition(booking, from, "accept", ActorType.user, driverId, Map.of());
        return view(booking, driverId);
    }

    /** A pending request refused by the driver, with the reason: a cancellation by the driver, no penalty. */
    @Transactional
    public BookingView reject(UUID driverId, UUID id, String reason) {
        Booking booking = asDriver(driverId, id);
        if (booking.getStatus() != BookingStatus.pending) {
            throw new ConflictException("Only a pending request can be rejected; cancel an accepted booking instead.",
                    Map.of("from", booking.getStatus().name(), "to", "cancelled"));
        }
        cancellations.cancel(booking, new Request(CancellationCase.DRIVER, CancelledBy.driver, "reject", reason,
                "driver_rejected", BookingRefunds.To.MEANS_OF_PAYMENT, false, ActorType.user, driverId), now());
        return view(booking, driverId);
    }

    /**
     * Cancelled by its passenger (CXL-1: a late cancellation of a paid booking keeps the fee, the rest goes to the
     * wallet, or back to the means of payment when the wallet is off) or by its driver (CXL-2: a full refund to
     * the means of payment; a late cancellation of an accepted or paid booking fines the driver).
     */
    @Transactional
    public BookingView cancel(UUID callerId, UUID id, String reason) {
        Booking booking = bookings.lock(id).filter(b -> isParty(b, callerId)).orElseThrow(BookingService::notFound);
        Instant now = now();
        booking.getStatus().requireTransitionTo(BookingStatus.cancelled);
        if (booking.ownerId().equals(callerId)) {
            if (booking.getStatus() == BookingStatus.paid && !booking.getTrip().getDepartureTime().isAfter(now)) {
                throw new ConflictException("The trip has left: a paid booking can no longer be cancelled.",
                        Map.of("status", "paid", "reason", "departed"));
            }
            cancellations.cancel(booking, new Request(CancellationCase.PASSENGER, CancelledBy.passenger, "cancel",
                    reason == null ? "Cancelled by the passenger" : reason, "passenger_cancelled", passengerRefunds(),
                    false, ActorType.user, callerId), now);
        } else {
            cancellations.cancel(booking, new Request(CancellationCase.DRIVER, CancelledBy.driver, "cancel",
                    reason == null ? "Cancelled by the driver" : reason, "driver_cancelled",
                    BookingRefunds.To.MEANS_OF_PAYMENT, true, ActorType.user, callerId), now);
        }
        return view(booking, callerId);
    }

    /** The driver scans the passenger's QR code: the code must be this booking's, genuine, and the booking paid. */
    @Transactional
    public BookingView checkIn(UUID driverId, UUID id, String code) {
        Booking booking = asDriver(driverId, id);
        boolean genuine = qr.verify(code).filter(id::equals).isPresent()
                && Hashes.constantTimeEquals(booking.getQrCode(), code);
        if (!genuine) {
            throw ValidationException.field("code", "is not this booking's boarding code");
        }
        booking.checkIn(now());
        journal.note(booking, "checkin", ActorType.user, driverId, Map.of());
        return view(booking, driverId);
    }

    /** The ride starts for a checked-in passenger; the trip becomes ongoing with its first passenger aboard. */
    @Transactional
    public BookingView startRide(UUID driverId, UUID id) {
        Booking booking = asDriver(driverId, id);
        booking.startRide(now());
        journal.note(booking, "start_ride", ActorType.user, driverId, Map.of());
        if (booking.getTrip().getStatus() == TripStatus.published) {
            trips.start(booking.getTrip().getId(), ActorType.user, driverId);
        }
        return view(booking, driverId);
    }

    /** paid → completed at the passenger's drop-off; the trip completes when no paid ride is left open. */
    @Transactional
    public BookingView endRide(UUID driverId, UUID id) {
        Booking booking = asDriver(driverId, id);
        Instant completedAt = now();
        BookingStatus from = booking.complete(completedAt);
        journal.transition(booking, from, "complete", ActorType.user, driverId, Map.of());
        UUID tripId = booking.getTrip().getId();
        completed.fire(new BookingCompleted(booking.getId(), tripId, driverId, booking.getPassenger().getId(), completedAt));
        if (booking.getTrip().getStatus() == TripStatus.ongoing && !bookings.hasOpenPaid(tripId)) {
            trips.complete(tripId, ActorType.user, driverId);
        }
        return view(booking, driverId);
    }

    /**
     * The passenger did not show up (CXL-3): a paid booking never checked in, once the departure time has come.
     * The no-show share is kept, the rest goes to the passenger's wallet.
     */
    @Transactional
    public BookingView noShow(UUID driverId, UUID id) {
        Booking booking = asDriver(driverId, id);
        Instant now = now();
        if (booking.getStatus() != BookingStatus.paid || booking.getCheckedInAt() != null
                || booking.getTrip().getDepartureTime().isAfter(now)) {
            throw new ConflictException("A no-show is a paid booking not checked in once the departure time has come.",
                    Map.of("status", booking.getStatus().name(), "checked_in", booking.getCheckedInAt() != null));
        }
        cancellations.cancel(booking, new Request(CancellationCase.NO_SHOW, CancelledBy.driver, "no_show", "no_show",
                "no_show", passengerRefunds(), false, ActorType.user, driverId), now);
        return view(booking, driverId);
    }

    /** The PNG of the passenger's boarding code (paid bookings only). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] qrPng(UUID passengerId, UUID id) {
        Booking booking = bookings.find(id).filter(b -> b.ownerId().equals(passengerId))
                .orElseThrow(BookingService::notFound);
        if (booking.getStatus() != BookingStatus.paid) {
            throw new ConflictException("The boarding code exists once the booking is paid.",
                    Map.of("status", booking.getStatus().name()));
        }
        return BookingQr.png(booking.getQrCode());
    }

    /**
     * Lapses a booking when it is due (run by {@link BookingExpiry}): pending past the answer deadline, or
     * accepted and still unpaid when the trip departs. Anything else is left alone (it moved on meanwhile).
     */
    @Transactional
    public boolean expire(UUID id) {
        Booking booking = bookings.lock(id).orElse(null);
        Instant now = now();
        if (booking == null) {
            return false;
        }
        boolean pendingDue = booking.getStatus() == BookingStatus.pending && !booking.getExpiresAt().isAfter(now);
        boolean unpaidDue = booking.getStatus() == BookingStatus.accepted
                && !booking.getTrip().getDepartureTime().isAfter(now);
        if (!pendingDue && !unpaidDue) {
            return false;
        }
        String reason = pendingDue ? "expired" : "unpaid_at_departure";
        cancellations.cancel(booking, new Request(CancellationCase.SYSTEM, CancelledBy.system, "expire", reason,
                reason, BookingRefunds.To.MEANS_OF_PAYMENT, false, ActorType.system, null), now);
        return true;
    }

    /**
     * The booking for one of its parties (its passenger or its trip's driver), with its trip, driver and passenger;
     * 404 {@code not_found} for anyone else, as for a booking that does not exist. For the chat (messaging).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Booking forParty(UUID callerId, UUID id) {
        return bookings.find(id).filter(b -> isParty(b, callerId)).orElseThrow(BookingService::notFound);
    }

    /**
     * {@link #forParty}, with the booking's row locked until the caller's transaction ends: chat messages of one
     * booking are written one after the other, and a payment or cancellation of the booking waits for them (or
     * they for it), so a message sees the state it is written under. Only the booking's row is locked, and the
     * caller takes no other row lock afterwards, so the lock order of booking changes (trip, then booking) holds.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Booking lockForParty(UUID callerId, UUID id) {
        if (!bookings.lockRow(id)) {
            throw notFound();
        }
        return forParty(callerId, id);
    }

    /**
     * Who may follow a trip's driver live (MSG-2): its driver and the passengers with an accepted or paid booking on
     * it. 404 when there is no such trip.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TripAudience tripAudience(UUID tripId) {
        return bookings.audience(tripId).orElseThrow(() -> new NotFoundException("No such trip."));
    }

    /** The view of {@code booking} for {@code viewer}, with the viewer's unread chat messages. */
    private BookingView view(Booking booking, UUID viewer) {
        return BookingView.of(booking, viewer,
                unread.count(viewer, List.of(booking.getId())).getOrDefault(booking.getId(), 0));
    }

    /** CXL-1's "wallet first": what a passenger's own cancellation or no-show leaves goes to the wallet, if on. */
    private BookingRefunds.To passengerRefunds() {
        return settings.enableWallet() ? BookingRefunds.To.WALLET : BookingRefunds.To.MEANS_OF_PAYMENT;
    }

    private Booking asDriver(UUID driverId, UUID id) {
        Booking booking = bookings.lock(id).filter(b -> isParty(b, driverId)).orElseThrow(BookingService::notFound);
        if (!booking.driverId().equals(driverId)) {
            throw new ForbiddenException("Only the trip's driver can do this.", Map.of("role", "passenger"));
        }
        return booking;
    }

    private static boolean isParty(Booking booking, UUID callerId) {
        return booking.ownerId().equals(callerId) || booking.driverId().equals(callerId);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("No such booking.");
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
