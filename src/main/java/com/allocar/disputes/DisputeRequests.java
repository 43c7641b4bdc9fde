package com.allocar.disputes;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the disputes' routes (docs/disputes.md). Texts are checked further by {@link DisputeTexts}. */
public final class DisputeRequests {
    public static final int MIN_DESCRIPTION = 10;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_MESSAGE = 2000;
    public static final int MAX_RESOLUTION = 2000;
    public static final int MAX_ATTACHMENTS = 5;
    /** The largest refund or charge a resolution may carry, far above any fare (a typo guard; the payment caps it). */
    public static final long MAX_AMOUNT = 10_000_000L;

    private DisputeRequests() {
    }

    /** {@code POST /disputes}. */
    @Schema(name = "OpenDisputeRequest")
    public record Open(
            @NotNull UUID bookingId,
            @NotNull @Pattern(regexp = "^(payment|cancellation|no_show|behaviour|safety|lost_item|other)$",
                    message = "must be one of payment, cancellation, no_show, behaviour, safety, lost_item, other")
            @Schema(enumeration = {"payment", "cancellation", "no_show", "behaviour", "safety", "lost_item", "other"})
            String category,
            @NotNull @Schema(description = "What happened: " + MIN_DESCRIPTION + " to " + MAX_DESCRIPTION
                    + " characters once trimmed; line breaks and tabs are the only control characters kept",
                    minLength = MIN_DESCRIPTION, maxLength = MAX_DESCRIPTION)
            String description,
            @Size(max = MAX_ATTACHMENTS) @Schema(description = "At most " + MAX_ATTACHMENTS + " upload_key values "
                    + "answered by POST /disputes/uploads for this booking, each uploaded before", maxItems = MAX_ATTACHMENTS)
            List<@NotNull @Size(max = 200) String> attachments) {

        public Open {
            description = description == null ? null : description.strip();
            attachments = attachments == null ? List.of() : attachments;
        }

        public DisputeCategory disputeCategory() {
            return DisputeCategory.valueOf(category);
        }
    }

    /** {@code POST /disputes/uploads}: the booking and the media type of the file the app will upload. */
    @Schema(name = "DisputeUploadRequest")
    public record Upload(
            @NotNull UUID bookingId,
            @NotNull @Pattern(regexp = "^(image/jpeg|image/png|image/webp|application/pdf)$",
                    message = "must be image/jpeg, image/png, image/webp or application/pdf")
            @Schema(enumeration = {"image/jpeg", "image/png", "image/webp", "application/pdf"}) String contentType) {
    }

    /** {@code POST /disputes/{id}/messages}, {@code POST /admin/disputes/{id}/messages}. */
    @Schema(name = "DisputeMessageRequest")
    public record Message(
            @NotNull @Schema(description = "1 to " + MAX_MESSAGE + " characters once trimmed", minLength = 1,
                    maxLength = MAX_MESSAGE) String body) {

        public Message {
            body = body == null ? null : body.strip();
        }
    }

    /**
     * {@code PATCH /admin/disputes/{id}}: any of assign, move on, settle; {@code version} is the one last read.
     * Money moves only with {@code status: resolved}.
     */
    @Schema(name = "DisputeUpdateRequest")
    public record Update(
            @NotNull @Min(0) @Schema(description = "The version last read; a mismatch is 409 conflict "
                    + "(reason version_mismatch)") Long version,
            @Schema(description = "An active admin whose role handles disputes (super, ops, support, compliance)")
            UUID assigneeId,
            @Pattern(regexp = "^(investigating|resolved|rejected)$", message = "must be investigating, resolved or rejected")
            @Schema(enumeration = {"investigating", "resolved", "rejected"}) String status,
            @Schema(description = "Required to resolve or reject: 3 to " + MAX_RESOLUTION + " characters, told to both "
                    + "parties", maxLength = MAX_RESOLUTION) String resolution,
            @Min(1) @Max(MAX_AMOUNT) @Schema(description = "XOF given back to the passenger (with status resolved): at "
                    + "most what the booking's payment paid and was not yet refunded") Long refundAmount,
            @Min(1) @Max(MAX_AMOUNT) @Schema(description = "XOF charged to the driver (with status resolved): at most "
                    + "the booking's amount; withheld from the driver's next payouts") Long driverCharge) {

        public Update {
            resolution = resolution == null ? null : resolution.strip();
        }

        /** Whether this update gives or takes money. */
        public boolean movesMoney() {
            return refundAmount != null || driverCharge != null;
        }

        public DisputeStatus target() {
            return status == null ? null : DisputeStatus.valueOf(status);
        }
    }
}
