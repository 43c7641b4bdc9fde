package com.allocar.vehicles;

import java.time.Instant;
import java.util.UUID;

/** A vehicle as its owner sees it. */
public record VehicleView(UUID id, String make, String model, String color, String plateNumber, int seatsTotal,
                          ComfortLevel comfortLevel, Integer year, boolean verified, Instant createdAt,
                          Instant updatedAt) {

    public static VehicleView of(Vehicle vehicle) {
        return new VehicleView(vehicle.getId(), vehicle.getMake(), vehicle.getModel(), vehicle.getColor(),
                vehicle.getPlateNumber(), vehicle.getSeatsTotal(), vehicle.getComfortLevel(), vehicle.getYear(),
                vehicle.isVerified(), vehicle.getCreatedAt(), vehicle.getUpdatedAt());
    }
}
