package com.allocar.promos;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /admin/promos} (code, type and value required) and {@code PATCH /admin/promos/{id}} (only what is given
 * changes; {@code clear} empties optional rules). Bounds here; the rules between fields in {@link PromoAdmin}.
 */
@Schema(name = "PromoRequest")
public record PromoRequest(
        @Pattern(regexp = PromoAdmin.CODE_PATTERN, message = "must be 3 to 32 letters, digits, - or _")
        @Schema(description = "Case-insensitive, stored upper case; not changeable once redeemed", example = "bienvenue")
        String code,
        @Pattern(regexp = "^(amount|percent)$", message = "must be amount or percent")
        @Schema(enumeration = {"amount", "percent"}, description = "Not changeable once redeemed") String type,
        @DecimalMin(value = "0.01") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2)
        @Schema(description = "amount: XOF off, whole francs 1..1000000; percent: 0.01..100", example = "20")
        BigDecimal value,
        @DecimalMin("1") @DecimalMax("1000000") @Digits(integer = 7, fraction = 0)
        @Schema(description = "percent only: the most taken off, XOF") BigDecimal maxDiscount,
        @DecimalMin("0") @DecimalMax("10000000") @Digits(integer = 8, fraction = 0)
        @Schema(description = "The smallest fare the code applies to, XOF") BigDecimal minFare,
        @Schema(description = "Only for a passenger with no other paid or completed booking") Boolean firstRideOnly,
        @Min(1) @Max(10_000_000) @Schema(description = "Uses in all (reserved and consumed count)") Integer maxUses,
        @Min(1) @Max(1000) @Schema(description = "Uses per passenger") Integer perUserLimit,
        @Schema(description = "Valid from (inclusive)") Instant startsAt,
        @Schema(description = "Valid until (exclusive); after starts_at") Instant endsAt,
        @Size(max = 500) String description,
        @Size(max = 7) @Schema(description = "PATCH: optional rules to empty (max_discount, min_fare, max_uses, "
                + "per_user_limit, starts_at, ends_at, description)")
        List<@Pattern(regexp = "^(max_discount|min_fare|max_uses|per_user_limit|starts_at|ends_at|description)$",
                message = "must name an optional rule") String> clear) {

    boolean clears(String field) {
        return clear != null && clear.contains(field);
    }
}
