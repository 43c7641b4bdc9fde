package com.allocar.promos;

import com.allocar.platform.persistence.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A promo applied to a booking (at most once per booking); {@code amount} is the discount granted. */
@Entity
@Immutable
@Table(name = "promo_redemptions")
public class PromoRedemption extends CreatedEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "promo_id", nullable = false)
    private Promo promo;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "booking_id", nullable = false)
    private UUID bookingId;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    protected PromoRedemption() {
    }

    public PromoRedemption(Promo promo, UUID userId, UUID bookingId, BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a discount cannot be negative");
        }
        this.promo = Objects.requireNonNull(promo);
        this.userId = Objects.requireNonNull(userId);
        this.bookingId = Objects.requireNonNull(bookingId);
        this.amount = amount;
    }

    public Promo getPromo() {
        return promo;
    }

    public UUID getUserId() {
        return userId;
    }

    public UUID getBookingId() {
        return bookingId;
    }

    public BigDecimal getAmount() {
        return amount;
    }
}
