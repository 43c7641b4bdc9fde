package com.allocar.messaging;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** {@code POST /bookings/{id}/messages/read}: the newest message of the booking the reader has seen. */
public record MarkReadRequest(@NotNull UUID upTo) {
}
