package com.allocar.bookings;

import com.allocar.identity.User;
import com.allocar.trips.Trip;
import com.allocar.trips.TripStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A booking as its passenger or its trip's driver sees it. {@code qr_code} is the passenger's boarding code,
 * shown only to the passenger and only once paid; the driver reads it from the passenger's phone.
 * {@code unread_messages}: the chat messages of the other party the viewer has not marked read.
 */
public record BookingView(UUID id, BookingStatus status, int seats, BigDecimal amountTotal, String currency,
                          TripSummary trip, Person passenger, Person driver, String qrCode, Instant expiresAt,
                          Instant checkedInAt, Instant startedAt, Instant completedAt, Instant cancelledAt,
                          CancelledBy cancelledBy, String cancelReason, Instant createdAt, Instant updatedAt,
                          long version, int unreadMessages) {

    public record TripSummary(UUID id, TripStatus status, String origin, String destination, Instant departureTime,
                              BigDecimal pricePerSeat) {
        static TripSummary of(Trip trip) {
            return new TripSummary(trip.getId(), trip.getStatus(), trip.getOriginText(), trip.getDestinationText(),
                    trip.getDepartureTime(), trip.getPricePerSeat());
        }
    }

    /** What one party sees of the other: first name, photo, rating; the phone only once the booking is paid. */
    public record Person(UUID id, String firstName, String photoUrl, BigDecimal ratingAvg, int ratingCount,
                         String phone) {
        static Person of(User user, boolean withPhone) {
            return new Person(user.getId(), user.getFirstName(), user.getPhotoUrl(), user.getRatingAvg(),
                    user.getRatingCount(), withPhone ? user.getPhone() : null);
        }
    }

    public static BookingView of(Booking booking, UUID viewer, int unreadMessages) {
        boolean passengerView = booking.ownerId().equals(viewer);
        boolean contact = booking.getStatus() == BookingStatus.paid;
        return new BookingView(booking.getId(), booking.getStatus(), booking.getSeats(), booking.getAmountTotal(),
                booking.getCurrency(), TripSummary.of(booking.getTrip()),
                Person.of(booking.getPassenger(), contact && !passengerView),
                Person.of(booking.getTrip().getDriver(), contact && passengerView),
                passengerView && booking.getStatus() == BookingStatus.paid ? booking.getQrCode() : null,
                booking.getExpiresAt(), booking.getCheckedInAt(), booking.getStartedAt(), booking.getCompletedAt(),
                booking.getCancelledAt(), booking.getCancelledBy(), booking.getCancelReason(), booking.getCreatedAt(),
                booking.getUpdatedAt(), booking.getVersion(), unreadMessages);
    }
}
