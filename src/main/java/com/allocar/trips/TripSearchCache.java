package com.allocar.trips;

import com.allocar.platform.api.Page;
import com.allocar.platform.geo.GeoPoint;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Recent search pages, for a few seconds (ALLOCAR_SEARCH_CACHE_SECONDS; 0 turns it off). When a trip changes,
 * every cached page that shows it, or that its legs now match, is dropped, so a new, changed or cancelled trip
 * is seen by the next search. This cache is per server: with several servers, the expiry bounds how stale
 * another server's answer can be.
 */
@ApplicationScoped
class TripSearchCache {
    /** Matching is re-checked in Java on a sphere; this slack makes it drop too much rather than too little. */
    private static final double RADIUS_SLACK = 1.01;

    @Inject
    TripSearchRepository repository;

    @ConfigProperty(name = "ALLOCAR_SEARCH_CACHE_SECONDS", defaultValue = "30")
    int seconds;

    /**
     * The bound is in result rows, not searches: a cached row (trip, driver, vehicle, places) holds about 1.5 KB of
     * heap (1.4 KB measured with realistic texts), a page of 20 about 30 KB, so 10,000 cached searches, the old
     * bound, would take about 300 MB under a varied search load.
     */
    @ConfigProperty(name = "ALLOCAR_SEARCH_CACHE_ROWS", defaultValue = "20000")
    long rows;

    private Cache<TripSearchCriteria, Entry> cache;

    private record Entry(Page<TripSearchHit> page, Set<UUID> tripIds) {
    }

    @PostConstruct
    void create() {
        cache = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(Math.max(seconds, 0)))
                .maximumWeight(seconds > 0 ? rows : 0)
                .weigher((TripSearchCriteria criteria, Entry entry) -> entry.page().items().size() + 1)
                .build();
    }

    Page<TripSearchHit> get(TripSearchCriteria criteria, Supplier<Page<TripSearchHit>> search) {
        if (seconds <= 0) {
            return search.get();
        }
        return cache.get(criteria, key -> {
            Page<TripSearchHit> page = search.get();
            return new Entry(page, page.items().stream().map(TripSearchHit::id).collect(Collectors.toUnmodifiableSet()));
        }).page();
    }

    void tripChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TripChanged change) {
        if (seconds <= 0 || cache.estimatedSize() == 0) {
            return;
        }
        List<TripSearchRepository.Leg> legs = repository.legsOf(change.tripId());
        cache.asMap().entrySet().removeIf(entry -> entry.getValue().tripIds().contains(change.tripId())
                || legs.stream().anyMatch(leg -> matches(entry.getKey(), leg)));
    }

    static boolean matches(TripSearchCriteria criteria, TripSearchRepository.Leg leg) {
        double reach = criteria.radiusM() * RADIUS_SLACK;
        return !leg.departureTime().isBefore(criteria.departureAfter())
                && leg.departureTime().isBefore(criteria.departureBefore())
                && criteria.from().metersTo(new GeoPoint(leg.pickupLat(), leg.pickupLon())) <= reach
                && criteria.to().metersTo(new GeoPoint(leg.dropoffLat(), leg.dropoffLon())) <= reach;
    }
}
