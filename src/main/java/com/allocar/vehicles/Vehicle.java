package com.allocar.vehicles;

import com.allocar.platform.persistence.VersionedEntity;
import com.allocar.platform.security.Owned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;

/**
 * A driver's car. The plate number is unique across the platform and kept in its normal form
 * ({@link PlateNumbers}). {@code verified} is set by the back office once the registration papers are checked;
 * changing what the papers show (make, model, plate) makes a verified vehicle unverified again.
 */
@Entity
@Table(name = "vehicles")
public class Vehicle extends VersionedEntity implements Owned {
    /** The owning driver (users.id). */
    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(nullable = false)
    private String make;

    @Column(nullable = false)
    private String model;

    private String color;

    @Column(name = "plate_number", nullable = false)
    private String plateNumber;

    @Column(name = "seats_total", nullable = false)
    private int seatsTotal;

    @Enumerated(EnumType.STRING)
    @Column(name = "comfort_level", nullable = false)
    private ComfortLevel comfortLevel;

    private Integer year;

    @Column(nullable = false)
    private boolean verified;

    protected Vehicle() {
    }

    public Vehicle(UUID userId, String make, String model, String plateNumber, int seatsTotal,
            ComfortLevel comfortLevel) {
        this.userId = Objects.requireNonNull(userId);
        this.make = Objects.requireNonNull(make);
        this.model = Objects.requireNonNull(model);
        this.plateNumber = Objects.requireNonNull(plateNumber);
        setSeatsTotal(seatsTotal);
        this.comfortLevel = Objects.requireNonNull(comfortLevel);
    }

    public UUID getUserId() {
        return userId;
    }

    /** The owning user: only they see and change the vehicle on user routes. */
    @Override
    public UUID ownerId() {
        return userId;
    }

    /**
     * Changes what the registration papers show. When anything differs, a verified vehicle needs to be checked
     * again; returns whether anything changed.
     */
    public boolean changeRegistration(String make, String model, String plateNumber) {
        Objects.requireNonNull(make);
        Objects.requireNonNull(model);
        Objects.requireNonNull(plateNumber);
        if (make.equals(this.make) && model.equals(this.model) && plateNumber.equals(this.plateNumber)) {
            return false;
        }
        this.make = make;
        this.model = model;
        this.plateNumber = plateNumber;
        this.verified = false;
        return true;
    }

    public String getMake() {
        return make;
    }

    public void setMake(String make) {
        this.make = Objects.requireNonNull(make);
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = Objects.requireNonNull(model);
    }

    public String getColor() {
        return color;
    }

    public void setColor(String color) {
        this.color = color;
    }

    public String getPlateNumber() {
        return plateNumber;
    }

    public void setPlateNumber(String plateNumber) {
        this.plateNumber = Objects.requireNonNull(plateNumber);
    }

    public int getSeatsTotal() {
        return seatsTotal;
    }

    public void setSeatsTotal(int seatsTotal) {
        if (seatsTotal < 1) {
            throw new IllegalArgumentException("a vehicle has at least one seat");
        }
        this.seatsTotal = seatsTotal;
    }

    public ComfortLevel getComfortLevel() {
        return comfortLevel;
    }

    public void setComfortLevel(ComfortLevel comfortLevel) {
        this.comfortLevel = Objects.requireNonNull(comfortLevel);
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public boolean isVerified() {
        return verified;
    }

    public void setVerified(boolean verified) {
        this.verified = verified;
    }
}
