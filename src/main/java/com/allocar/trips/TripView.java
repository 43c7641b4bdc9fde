package com.allocar.trips;

import com.allocar.identity.User;
import com.allocar.platform.geo.GeoPoint;
import com.allocar.vehicles.ComfortLevel;
import com.allocar.vehicles.Vehicle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.locationtech.jts.geom.Point;

/**
 * A trip as anyone allowed to see it sees it: the driver and vehicle in summary (no phone, no plate), the route's
 * facts, the offer and the stops in order. {@code cancelled_at}/{@code cancel_reason} only on cancelled trips.
 */
public record TripView(UUID id, TripStatus status, Driver driver, VehicleSummary vehicle, Place origin,
                       Place destination, Instant departureTime, Instant arrivalEta, Integer distanceM,
                       Integer durationS, BigDecimal pricePerSeat, String currency, int seatsOffered,
                       int seatsAvailable, ComfortLevel comfort, String luggagePolicy, String rules,
                       boolean allowAutoAccept, List<StopView> stops, Instant cancelledAt, String cancelReason,
                       Instant createdAt, Instant updatedAt, long version) {

    public record Driver(UUID id, String firstName, String lastName, String photoUrl, BigDecimal ratingAvg,
                         int ratingCount) {
        static Driver of(User user) {
            return new Driver(user.getId(), user.getFirstName(), user.getLastName(), user.getPhotoUrl(),
                    user.getRatingAvg(), user.getRatingCount());
        }
    }

    public record VehicleSummary(UUID id, String make, String model, String color, ComfortLevel comfortLevel,
                                 int seatsTotal, boolean verified) {
        static VehicleSummary of(Vehicle vehicle) {
            return vehicle == null ? null : new VehicleSummary(vehicle.getId(), vehicle.getMake(), vehicle.getModel(),
                    vehicle.getColor(), vehicle.getComfortLevel(), vehicle.getSeatsTotal(), vehicle.isVerified());
        }
    }

    public record Place(double lat, double lon, String text) {
        static Place of(Point point, String text) {
            GeoPoint position = GeoPoint.of(point);
            return new Place(position.lat(), position.lon(), text);
        }
    }

    public record StopView(int order, double lat, double lon, String label, boolean pickupAllowed,
                           boolean dropoffAllowed) {
        public static StopView of(TripStop stop) {
            GeoPoint position = GeoPoint.of(stop.getPoint());
            return new StopView(stop.getStopOrder(), position.lat(), position.lon(), stop.getLabel(),
                    stop.isPickupAllowed(), stop.isDropoffAllowed());
        }
    }

    public static TripView of(Trip trip) {
        return new TripView(trip.getId(), trip.getStatus(), Driver.of(trip.getDriver()),
                VehicleSummary.of(trip.getVehicle()), Place.of(trip.getOriginPoint(), trip.getOriginText()),
                Place.of(trip.getDestinationPoint(), trip.getDestinationText()), trip.getDepartureTime(),
                trip.getArrivalEta(), trip.getDistanceM(), trip.getDurationS(), trip.getPricePerSeat().setScale(0, RoundingMode.HALF_UP),
                trip.getCurrency(), trip.getSeatsOffered(), trip.getSeatsAvailable(), trip.getComfort(),
                trip.getLuggagePolicy(), trip.getRules(), trip.isAllowAutoAccept(), stops(trip),
                trip.getCancelledAt(), trip.getCancelReason(), trip.getCreatedAt(), trip.getUpdatedAt(),
                trip.getVersion());
    }

    public static List<StopView> stops(Trip trip) {
        return trip.getStops().stream().map(StopView::of).toList();
    }
}
