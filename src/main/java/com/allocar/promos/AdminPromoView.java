package com.allocar.promos;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A promo as marketing sees it ({@code /admin/promos}); {@code usage} only on GET one. */
@Schema(name = "AdminPromo")
public record AdminPromoView(
        UUID id,
        @Schema(example = "BIENVENUE") String code,
        @Schema(enumeration = {"amount", "percent"}) String type,
        @Schema(description = "XOF off (amount) or percent off (percent)") BigDecimal value,
        @Schema(description = "percent: the most taken off, XOF") BigDecimal maxDiscount,
        @Schema(description = "The smallest fare it applies to, XOF") BigDecimal minFare,
        boolean firstRideOnly,
        Integer maxUses,
        Integer perUserLimit,
        @Schema(description = "Reserved and consumed redemptions, as counted against max_uses") int usesCount,
        Instant startsAt,
        Instant endsAt,
        @Schema(enumeration = {"active", "inactive"}) String status,
        String description,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "GET one only") PromoUsage usage) {

    static AdminPromoView of(Promo promo, PromoUsage usage) {
        return new AdminPromoView(promo.getId(), promo.getCode(), promo.getType().name(), PromoQuote.plain(promo.getValue()),
                PromoQuote.whole(promo.getMaxDiscount()), PromoQuote.whole(promo.getMinFare()), promo.isFirstRideOnly(),
                promo.getMaxUses(), promo.getPerUserLimit(), promo.getUsesCount(), promo.getStartsAt(),
                promo.getEndsAt(), promo.getStatus().name(), promo.getDescription(), promo.getCreatedAt(),
                promo.getUpdatedAt(), usage);
    }
}
