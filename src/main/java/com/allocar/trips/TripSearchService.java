package com.allocar.trips;

import com.allocar.identity.User;
import com.allocar.platform.api.Page;
import com.allocar.platform.api.Pagination;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Point;

/** Trip search (TRIP-3): validated criteria in, a page of matches with their details out, cached briefly. */
@ApplicationScoped
public class TripSearchService {
    private final Clock clock = Clock.systemUTC();

    @Inject
    TripSearchRepository repository;
    @Inject
    TripSearchCache cache;

    public Page<TripSearchHit> search(Map<String, List<String>> query) {
        TripSearchCriteria criteria = TripSearchParameters.parse(query, clock);
        return cache.get(criteria, () -> find(criteria));
    }

    private Page<TripSearchHit> find(TripSearchCriteria criteria) {
        TripSearchRepository.Matches matches = repository.find(criteria);
        List<UUID> ids = matches.page().stream().map(TripSearchRepository.Match::tripId).toList();
        Map<UUID, Trip> trips = repository.tripsWithDetails(ids).stream()
                .collect(Collectors.toMap(Trip::getId, Function.identity()));
        Set<UUID> verified = repository.verifiedUsers(
                trips.values().stream().map(trip -> trip.getDriver().getId()).distinct().toList());
        // A trip deleted between the two queries is left out of this page rather than shown half.
        List<TripSearchHit> hits = matches.page().stream()
                .filter(match -> trips.containsKey(match.tripId()))
                .map(match -> hit(trips.get(match.tripId()), match, verified))
                .toList();
        return new Page<>(hits, Pagination.of(criteria.page(), criteria.pageSize(), matches.total()));
    }

    private static TripSearchHit hit(Trip trip, TripSearchRepository.Match match, Set<UUID> verified) {
        User driver = trip.getDriver();
        var vehicle = trip.getVehicle();
        return new TripSearchHit(trip.getId(),
                place(trip.getOriginPoint(), trip.getOriginText()),
                place(trip.getDestinationPoint(), trip.getDestinationText()),
                trip.getDepartureTime(), trip.getArrivalEta(), trip.getDistanceM(), trip.getDurationS(),
                trip.getPricePerSeat(), trip.getCurrency(), trip.getSeatsAvailable(), trip.getSeatsOffered(),
                trip.getComfort().name(), trip.isAllowAutoAccept(), trip.getLuggagePolicy(), trip.getRules(),
                new TripSearchHit.Driver(driver.getId(), driver.getFirstName(), driver.getPhotoUrl(),
                        driver.getRatingAvg(), driver.getRatingCount(), verified.contains(driver.getId())),
                vehicle == null ? null : new TripSearchHit.Vehicle(vehicle.getId(), vehicle.getMake(), vehicle.getModel(),
                        vehicle.getColor(), vehicle.getComfortLevel().name(), vehicle.getSeatsTotal()),
                matchedPoint(trip, match.pickupOrder(), match.pickupWalkM()),
                matchedPoint(trip, match.dropoffOrder(), match.dropoffWalkM()));
    }

    /** Point orders as trip_search_legs numbers them: 0 the origin, 32767 the destination, else a stop. */
    private static TripSearchHit.MatchedPoint matchedPoint(Trip trip, int order, int walkM) {
        if (order == 0) {
            return matched("origin", null, trip.getOriginPoint(), trip.getOriginText(), walkM);
        }
        if (order == 32767) {
            return matched("destination", null, trip.getDestinationPoint(), trip.getDestinationText(), walkM);
        }
        return trip.getStops().stream()
                .filter(stop -> stop.getStopOrder() == order)
                .findFirst()
                .map(stop -> matched("stop", order, stop.getPoint(), stop.getLabel(), walkM))
                .orElse(null);
    }

    private static TripSearchHit.MatchedPoint matched(String kind, Integer order, Point point, String text, int walkM) {
        return new TripSearchHit.MatchedPoint(kind, order, point.getY(), point.getX(), text, walkM);
    }

    private static TripSearchHit.Place place(Point point, String text) {
        return new TripSearchHit.Place(point.getY(), point.getX(), text);
    }
}
