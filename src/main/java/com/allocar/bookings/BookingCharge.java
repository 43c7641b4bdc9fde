package com.allocar.bookings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What a passenger owes for a booking they may pay now, as the server computed it (never from the client).
 *
 * @param description a short text for the payer ("AlloCar: Abidjan → Yamoussoukro, 2 seats")
 */
public record BookingCharge(UUID bookingId, UUID tripId, UUID passengerId, UUID driverId, int seats,
                            BigDecimal amount, String currency, Instant departureTime, String description) {
}
