package com.allocar.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One of the user's trip alerts. */
@Schema(name = "Alert")
public record AlertView(UUID id, AlertRequest.Place from, AlertRequest.Place to, int radiusKm, LocalDate dateFrom,
                        LocalDate dateTo, int seats, Instant createdAt) {
}
