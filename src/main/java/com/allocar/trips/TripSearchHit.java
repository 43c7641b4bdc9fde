package com.allocar.trips;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One search result: the trip, its driver and vehicle, and where the passenger gets on and off. */
@Schema(name = "TripSearchHit")
public record TripSearchHit(
        UUID id,
        Place origin,
        Place destination,
        Instant departureTime,
        @Schema(description = "From OSRM when the trip was saved (or a great-circle estimate)") Instant arrivalEta,
        Integer distanceM,
        Integer durationS,
        BigDecimal pricePerSeat,
        String currency,
        int seatsAvailable,
        int seatsOffered,
        String comfort,
        boolean allowAutoAccept,
        String luggagePolicy,
        String rules,
        Driver driver,
        Vehicle vehicle,
        @Schema(description = "Where the passenger is picked up: the origin or a stop near the asked `from`") MatchedPoint pickup,
        @Schema(description = "Where the passenger is dropped off: the destination or a later stop near the asked `to`") MatchedPoint dropoff) {

    @Schema(name = "TripSearchPlace")
    public record Place(double lat, double lon, String text) {
    }

    @Schema(name = "TripSearchDriver")
    public record Driver(UUID id, String firstName, String photoUrl, BigDecimal rating, int ratingCount,
                         @Schema(description = "Has an approved identity document") boolean verified) {
    }

    @Schema(name = "TripSearchVehicle")
    public record Vehicle(UUID id, String make, String model, String color, String comfortLevel, int seatsTotal) {
    }

    @Schema(name = "TripSearchMatchedPoint")
    public record MatchedPoint(
            @Schema(enumeration = {"origin", "stop", "destination"}) String kind,
            @Schema(description = "The stop's order when kind is stop") Integer stopOrder,
            double lat,
            double lon,
            String text,
            @Schema(description = "Straight-line metres between the asked point and this one") int walkingDistanceM) {
    }
}
