package com.allocar.promos;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /promos/validate}: what the code gives on this booking (nothing is reserved yet). */
@Schema(name = "PromoQuote")
public record PromoQuote(
        @Schema(description = "The code as stored (upper case)", example = "BIENVENUE") String code,
        UUID bookingId,
        @Schema(enumeration = {"amount", "percent"}) String type,
        @Schema(description = "XOF off (amount) or percent off (percent)", example = "20") BigDecimal value,
        @Schema(description = "The booking's fare, XOF", example = "6000") BigDecimal fare,
        @Schema(description = "The discount on this fare, XOF, borne by the platform", example = "1200") BigDecimal discount,
        @Schema(description = "What the passenger pays: fare - discount (at least 100 XOF)", example = "4800")
        BigDecimal amountToPay,
        @Schema(example = "XOF") String currency) {

    static PromoQuote of(Promo promo, UUID bookingId, BigDecimal fare, BigDecimal discount) {
        return new PromoQuote(promo.getCode(), bookingId, promo.getType().name(), plain(promo.getValue()), whole(fare), whole(discount), whole(fare.subtract(discount)), "XOF");
    }

    /** 20.00 → 20, 12.50 → 12.5. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }

    static BigDecimal whole(BigDecimal amount) {
        return amount == null ? null : amount.setScale(0, RoundingMode.HALF_UP);
    }
}
