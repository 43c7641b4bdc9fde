package com.allocar.trips;

import com.allocar.platform.api.Page;
import com.allocar.platform.api.Pagination;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;

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
        return new Page<>(matches.page(), Pagination.of(criteria.page(), criteria.pageSize(), matches.total()));
    }
}
