package com.allocar.trips;

import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.geo.GeoPoint;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the query string of {@code GET /trips/search} into {@link TripSearchCriteria}, or a
 * {@code validation_error} naming every bad parameter. Dates are days in UTC, which is Côte d'Ivoire's time.
 */
final class TripSearchParameters {
    static final int DEFAULT_RADIUS_KM = 25;
    static final int MAX_RADIUS_KM = 100;
    static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    static final Duration MAX_WINDOW = Duration.ofDays(62);
    /**
     * Searches stay between these latitudes. The search grid's cells narrow toward the poles: a 100 km circle spans
     * 64 cells at 5° N but 4,112 at 89° N, and the index is read once per pair of cells, so one polar search could
     * hold a connection for minutes. No AlloCar market lies beyond 70°.
     */
    static final double MAX_SEARCH_LATITUDE = 70;
    static final Set<String> COMFORTS = Set.of("basic", "standard", "comfort");
    private static final BigDecimal NO_PRICE_LIMIT = new BigDecimal("9999999999.99");

    static final ListSpec SPEC = ListSpec.builder()
            .sortable("departure_time", "price_per_seat", "distance")
            .defaultSort("departure_time", false)
            .parameters("from", "to", "date", "departure_after", "departure_before", "radius_km", "price_min",
                    "price_max", "seats", "comfort", "driver_rating")
            .build();

    private final Map<String, List<String>> query;
    private final Map<String, String> problems = new TreeMap<>();

    private TripSearchParameters(Map<String, List<String>> query) {
        this.query = query;
    }

    static TripSearchCriteria parse(Map<String, List<String>> query, Clock clock) {
        ListQuery listQuery = SPEC.parse(query);
        return new TripSearchParameters(query).criteria(listQuery, clock.instant());
    }

    private TripSearchCriteria criteria(ListQuery listQuery, Instant now) {
        GeoPoint from = point("from");
        GeoPoint to = point("to");
        double radiusKm = number("radius_km", DEFAULT_RADIUS_KM, 0.1, MAX_RADIUS_KM);
        Instant[] window = window(now);
        int seats = (int) wholeNumber("seats", 1, 1, 8);
        BigDecimal priceMin = BigDecimal.valueOf(number("price_min", 0, 0, 10_000_000));
        BigDecimal priceMax = single("price_max") == null ? NO_PRICE_LIMIT
                : BigDecimal.valueOf(number("price_max", 0, 0, 10_000_000));
        if (priceMin.compareTo(priceMax) > 0 && !problems.containsKey("price_min") && !problems.containsKey("price_max")) {
            problems.put("price_max", "must not be below price_min");
        }
        String comfort = single("comfort");
        if (comfort != null && !COMFORTS.contains(comfort)) {
            problems.put("comfort", "must be one of basic, standard, comfort");
        }
        BigDecimal driverRating = BigDecimal.valueOf(number("driver_rating", 0, 0, 5));
        if (!problems.isEmpty()) {
            throw ValidationException.fields(problems);
        }
        return new TripSearchCriteria(from, to, (int) Math.round(radiusKm * 1000), window[0], window[1], seats,
                priceMin, priceMax, comfort, driverRating, listQuery.sort(), listQuery.page(), listQuery.pageSize());
    }

    /**
     * The departure window: a whole day ({@code date}), or {@code departure_after}/{@code departure_before}, or
     * the next 30 days. The lower bound is kept as asked (a stable cache key); the statement never returns a
     * trip that has left, whatever the bound.
     */
    private Instant[] window(Instant now) {
        String date = single("date");
        String after = single("departure_after");
        String before = single("departure_before");
        if (date != null) {
            if (after != null || before != null) {
                problems.put("date", "give either date or departure_after/departure_before, not both");
                return new Instant[] {now, now};
            }
            try {
                LocalDate day = LocalDate.parse(date);
                if (day.isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
                    problems.put("date", "must be today or later");
                }
                Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
                return new Instant[] {start, start.plus(Duration.ofDays(1))};
            } catch (DateTimeParseException e) {
                problems.put("date", "must be a date YYYY-MM-DD");
                return new Instant[] {now, now};
            }
        }
        Instant start = instant("departure_after", now);
        Instant end = instant("departure_before", (start.isAfter(now) ? start : now).plus(DEFAULT_WINDOW));
        if (before != null && !end.isAfter(now)) {
            problems.put("departure_before", "must be in the future");
        } else if (!end.isAfter(start)) {
            problems.put("departure_before", "must be after departure_after");
        } else if (Duration.between(start.isAfter(now) ? start : now, end).compareTo(MAX_WINDOW) > 0) {
            problems.put("departure_before", "the window may span at most " + MAX_WINDOW.toDays() + " days");
        }
        return new Instant[] {start, end};
    }

    private GeoPoint point(String name) {
        String raw = single(name);
        if (raw == null) {
            problems.put(name, "required, as lat,lon (e.g. 5.3575,-4.0083)");
            return null;
        }
        String[] parts = raw.split(",", -1);
        try {
            if (parts.length == 2) {
                double lat = Double.parseDouble(parts[0].strip());
                double lon = Double.parseDouble(parts[1].strip());
                if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
                    if (Math.abs(lat) <= MAX_SEARCH_LATITUDE) {
                        return new GeoPoint(lat, lon);
                    }
                    problems.put(name, "the search serves latitudes from -" + plain(MAX_SEARCH_LATITUDE) + " to "
                            + plain(MAX_SEARCH_LATITUDE));
                    return null;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.put(name, "must be lat,lon with lat in -90..90 and lon in -180..180");
        return null;
    }

    private Instant instant(String name, Instant fallback) {
        String raw = single(name);
        if (raw == null) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            problems.put(name, "must be an ISO-8601 date-time with offset, e.g. 2026-12-01T06:00:00Z");
            return fallback;
        }
    }

    private double number(String name, double fallback, double min, double max) {
        String raw = single(name);
        if (raw == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(raw);
            if (Double.isFinite(value) && value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.put(name, "must be a number from " + plain(min) + " to " + plain(max));
        return fallback;
    }

    private long wholeNumber(String name, long fallback, long min, long max) {
        String raw = single(name);
        if (raw == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.put(name, "must be a whole number from " + min + " to " + max);
        return fallback;
    }

    private String single(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            problems.put(name, "must be given once");
        }
        return values.get(0).isBlank() ? null : values.get(0).strip();
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
