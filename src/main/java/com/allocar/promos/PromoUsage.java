package com.allocar.promos;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a promo has been used, computed in SQL from its redemptions. */
@Schema(name = "PromoUsage")
public record PromoUsage(
        @Schema(description = "Reserved by an open payment (counted against the limits)") long reserved,
        @Schema(description = "Paid with the discount") long consumed,
        @Schema(description = "Given back (payment failed or refunded in full)") long released,
        @Schema(description = "The discounts granted on consumed redemptions, XOF (borne by the platform)")
        BigDecimal discountTotal,
        @Schema(description = "Distinct passengers with a consumed redemption") long users) {
}
