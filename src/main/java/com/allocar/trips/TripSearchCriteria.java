package com.allocar.trips;

import com.allocar.platform.geo.GeoPoint;
import com.allocar.platform.paging.ListQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One validated search: the two asked points, the radius around each, the departure window and the filters.
 * A record, so that equal searches are equal cache keys.
 */
public record TripSearchCriteria(
        GeoPoint from,
        GeoPoint to,
        int radiusM,
        Instant departureAfter,
        Instant departureBefore,
        int seats,
        BigDecimal priceMin,
        BigDecimal priceMax,
        String comfort,
        BigDecimal driverRating,
        List<ListQuery.Order> sort,
        int page,
        int pageSize) {

    int offset() {
        return (page - 1) * pageSize;
    }

    /** The named parameters of {@code trip-search.sql}. */
    Map<String, Object> sqlParameters() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("from_lat", from.lat());
        values.put("from_lon", from.lon());
        values.put("to_lat", to.lat());
        values.put("to_lon", to.lon());
        values.put("radius_m", (double) radiusM);
        values.put("departure_after", java.time.OffsetDateTime.ofInstant(departureAfter, java.time.ZoneOffset.UTC));
        values.put("departure_before", java.time.OffsetDateTime.ofInstant(departureBefore, java.time.ZoneOffset.UTC));
        values.put("seats", seats);
        values.put("price_min", priceMin);
        values.put("price_max", priceMax);
        values.put("driver_rating", driverRating);
        values.put("comfort", comfort);
        values.put("limit", pageSize);
        values.put("offset", offset());
        return values;
    }
}
