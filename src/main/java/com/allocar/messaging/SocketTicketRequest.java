package com.allocar.messaging;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /ws/tickets}: the room the socket is for, exactly one of {@code booking_id} (the booking's chat,
 * {@code /ws/bookings/{id}}) and {@code trip_id} (the trip's driver position, {@code /ws/trips/{id}/driver-location}).
 */
public record SocketTicketRequest(
        @Schema(description = "For the chat of this booking (its passenger or driver)") UUID bookingId,
        @Schema(description = "For the driver position of this trip (its driver, or a passenger with an accepted or "
                + "paid booking)") UUID tripId) {
}
