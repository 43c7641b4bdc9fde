package com.allocar.bookings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A paid booking was cancelled and part of its amount kept (late passenger cancellation fee, no-show share: CXL-1,
 * CXL-3): the driver is compensated from it. Fired inside the cancelling transaction.
 *
 * @param reason the cancellation's machine reason ({@code passenger_cancelled}, {@code no_show} …)
 */
public record BookingFeeKept(UUID bookingId, UUID tripId, UUID driverId, BigDecimal kept, String reason,
                             Instant at) {
}
