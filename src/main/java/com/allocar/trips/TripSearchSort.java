package com.allocar.trips;

import com.allocar.platform.paging.ListQuery;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The orders a search offers. {@code distance} is how far the passenger walks: from the asked origin to the
 * matched pickup plus from the matched drop-off to the asked destination. Each maps to a fixed SQL fragment,
 * so no user text ever reaches the statement.
 */
public enum TripSearchSort {
    departure_time("departure_time"),
    price_per_seat("price_per_seat"),
    distance("pickup_m + dropoff_m");

    private final String column;

    TripSearchSort(String column) {
        this.column = column;
    }

    /** The ORDER BY list of {@code trip-search.sql} for the orders asked (already checked by ListSpec). */
    static String orderBy(List<ListQuery.Order> orders) {
        return orders.stream()
                .map(order -> valueOf(order.field()).column + (order.descending() ? " DESC" : ""))
                .collect(Collectors.joining(", "));
    }
}
