package com.allocar.disputes;

import com.allocar.platform.storage.PresignedDownload;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A dispute as its parties and admins see it. {@code assigned_to}, {@code resolved_by}, {@code refund_id} and
 * {@code version} are for admins only (left out for the parties).
 */
@Schema(name = "Dispute")
public record DisputeView(UUID id, UUID bookingId, UUID openedBy, UUID passengerId, UUID driverId,
                          DisputeCategory category, String description, List<Attachment> attachments,
                          DisputeStatus status, String resolution, Instant resolvedAt,
                          @Schema(description = "XOF given back to the passenger by the resolution") BigDecimal refundAmount,
                          @Schema(description = "XOF charged to the driver by the resolution") BigDecimal driverCharge,
                          String currency, Instant createdAt, Instant updatedAt,
                          @Schema(description = "Admins only") UUID assignedTo,
                          @Schema(description = "Admins only") UUID resolvedBy,
                          @Schema(description = "Admins only: the passenger's refund (payment_refunds)") UUID refundId,
                          @Schema(description = "Admins only: send it back with PATCH") Long version) {

    /** A file attached by the opener: a presigned GET valid a few minutes. */
    @Schema(name = "DisputeAttachment")
    public record Attachment(String url, Instant expiresAt) {
        static Attachment of(PresignedDownload download) {
            return new Attachment(download.url(), download.expiresAt());
        }
    }

    static DisputeView forParty(Dispute d, List<Attachment> attachments) {
        return new DisputeView(d.getId(), d.getBookingId(), d.getOpenedBy(), d.getPassengerId(), d.getDriverId(),
                d.getCategory(), d.getDescription(), attachments, d.getStatus(), d.getResolution(), d.getResolvedAt(),
                francs(d.getRefundAmount()), francs(d.getDriverCharge()), "XOF", d.getCreatedAt(), d.getUpdatedAt(),
                null, null, null, null);
    }

    static DisputeView forAdmin(Dispute d, List<Attachment> attachments) {
        return new DisputeView(d.getId(), d.getBookingId(), d.getOpenedBy(), d.getPassengerId(), d.getDriverId(),
                d.getCategory(), d.getDescription(), attachments, d.getStatus(), d.getResolution(), d.getResolvedAt(),
                francs(d.getRefundAmount()), francs(d.getDriverCharge()), "XOF", d.getCreatedAt(), d.getUpdatedAt(),
                d.getAssignedTo(), d.getResolvedBy(), d.getRefundId(), d.getVersion());
    }

    private static BigDecimal francs(BigDecimal amount) {
        return amount.setScale(0, java.math.RoundingMode.UNNECESSARY);
    }
}
