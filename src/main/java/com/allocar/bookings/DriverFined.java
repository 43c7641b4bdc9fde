package com.allocar.bookings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A driver's late-cancellation fine was recorded (CXL-2), inside the cancelling transaction: it is withheld from the
 * driver's next payouts.
 *
 * @param bookingId the booking cancelled, or null for a whole trip
 */
public record DriverFined(UUID penaltyId, UUID driverId, UUID tripId, UUID bookingId, BigDecimal amount, Instant at) {
}
