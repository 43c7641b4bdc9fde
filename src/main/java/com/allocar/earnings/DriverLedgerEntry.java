package com.allocar.earnings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One row of a driver's ledger, as read for lists; rows are written by {@link DriverLedger} in SQL. */
@Entity
@Immutable
@Table(name = "driver_ledger")
public class DriverLedgerEntry {
    @Id
    private UUID id;
    @Column(name = "driver_id")
    private UUID driverId;
    @Enumerated(EnumType.STRING)
    private LedgerKind kind;
    private BigDecimal amount;
    private BigDecimal gross;
    private BigDecimal commission;
    private BigDecimal fees;
    @Column(name = "booking_id")
    private UUID bookingId;
    @Column(name = "trip_id")
    private UUID tripId;
    @Column(name = "payout_id")
    private UUID payoutId;
    @Column(name = "available_at")
    private Instant availableAt;
    private String description;
    @Column(name = "created_at")
    private Instant createdAt;

    protected DriverLedgerEntry() {
    }

    public UUID getId() {
        return id;
    }

    public UUID getDriverId() {
        return driverId;
    }

    public LedgerKind getKind() {
        return kind;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getGross() {
        return gross;
    }

    public BigDecimal getCommission() {
        return commission;
    }

    public BigDecimal getFees() {
        return fees;
    }

    public UUID getBookingId() {
        return bookingId;
    }

    public UUID getTripId() {
        return tripId;
    }

    public UUID getPayoutId() {
        return payoutId;
    }

    public Instant getAvailableAt() {
        return availableAt;
    }

    public String getDescription() {
        return description;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
