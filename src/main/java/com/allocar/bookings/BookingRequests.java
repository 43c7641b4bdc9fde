package com.allocar.bookings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the booking endpoints. */
public final class BookingRequests {
    private BookingRequests() {
    }

    /** {@code POST /bookings}. */
    public record Create(@NotNull UUID tripId, @NotNull @Min(1) @Max(8) @Schema(example = "1") Integer seats) {
    }

    /** {@code POST /bookings/{id}/reject}: why, for the passenger. */
    public record Reject(@NotBlank @Size(min = 3, max = 500) @Schema(example = "Plus de place pour les bagages")
                         String reason) {
        public Reject {
            reason = reason == null ? null : reason.strip();
        }
    }

    /** {@code POST /bookings/{id}/cancel}: an optional reason. */
    public record Cancel(@Size(max = 500) String reason) {
        public Cancel {
            reason = reason == null || reason.isBlank() ? null : reason.strip();
        }
    }

    /** {@code POST /bookings/{id}/checkin}: the code read from the passenger's QR code. */
    public record Checkin(@NotBlank @Size(max = 200) String code) {
    }
}
