-- The trip search (TRIP-3), run as a prepared statement with named parameters (NamedSql).
-- Candidates come from one range of ix_trip_search_legs_cells_departure per (pickup cell, drop-off cell):
-- every column read below is in that index, so no heap page is visited. The exact test is the distance on the
-- sphere (what ST_DWithin(…, false) tests), computed once per candidate and per end, in the scan's own output:
-- OFFSET 0 keeps `candidates` a subquery of its own, so the radius filter above it reads the computed distances
-- instead of computing them again, and nothing is materialised (a MATERIALIZED CTE here cost a third more time).
-- A trip matching through several legs is returned once, with its closest pickup and drop-off (DISTINCT ON).
-- The page is a top-N of the matches, counted by a window over them; only its rows are numbered (for the final
-- order) and then joined to their trip, driver, vehicle and matched stops: one round trip.
-- {order} is replaced by a fixed, whitelisted ORDER BY list (TripSearchSort); it is never user text.
-- The two asked points are built once (a materialised one-row CTE): inlined, each ST_MakePoint(...)::geography
-- would be rebuilt for every candidate.
WITH asked AS MATERIALIZED (
    SELECT ST_MakePoint(:from_lon, :from_lat)::geography AS from_point,
           ST_MakePoint(:to_lon, :to_lat)::geography AS to_point
), candidates AS (
    SELECT l.trip_id, l.pickup_order, l.dropoff_order, l.departure_time, l.price_per_seat,
           ST_Distance(l.pickup_point, a.from_point, false) AS pickup_m,
           ST_Distance(l.dropoff_point, a.to_point, false) AS dropoff_m
    FROM asked a, trip_search_legs l
    WHERE l.pickup_cell = ANY (search_grid_cells(:from_lat, :from_lon, :radius_m))
      AND l.dropoff_cell = ANY (search_grid_cells(:to_lat, :to_lon, :radius_m))
      AND l.departure_time >= greatest(CAST(:departure_after AS timestamptz), now())
      AND l.departure_time < :departure_before
      AND l.seats_available >= :seats
      AND l.price_per_seat >= :price_min
      AND l.price_per_seat <= :price_max
      AND l.driver_rating >= :driver_rating
      AND (CAST(:comfort AS text) IS NULL OR l.comfort = :comfort)
    OFFSET 0
), matched AS (
    SELECT DISTINCT ON (trip_id) *
    FROM candidates
    WHERE pickup_m <= :radius_m AND dropoff_m <= :radius_m
    ORDER BY trip_id, pickup_m + dropoff_m, pickup_order, dropoff_order
), page AS (
    SELECT top.*, row_number() OVER (ORDER BY {order}, trip_id) AS position
    FROM (SELECT matched.*, count(*) OVER () AS total
          FROM matched
          ORDER BY {order}, trip_id
          LIMIT :limit OFFSET :offset) top
)
SELECT p.trip_id, p.pickup_order, p.dropoff_order, round(p.pickup_m)::integer AS pickup_m,
       round(p.dropoff_m)::integer AS dropoff_m, p.total,
       ST_Y(t.origin_point::geometry) AS origin_lat, ST_X(t.origin_point::geometry) AS origin_lon, t.origin_text,
       ST_Y(t.destination_point::geometry) AS destination_lat, ST_X(t.destination_point::geometry) AS destination_lon,
       t.destination_text, t.departure_time, t.arrival_eta, t.distance_m, t.duration_s, t.price_per_seat, t.currency,
       t.seats_available, t.seats_offered, t.comfort, t.allow_auto_accept, t.luggage_policy, t.rules,
       u.id AS driver_id, u.first_name, u.photo_url, u.rating_avg, u.rating_count,
       EXISTS (SELECT 1 FROM kyc_documents k WHERE k.user_id = u.id AND k.status = 'approved') AS driver_verified,
       v.id AS vehicle_id, v.make, v.model, v.color, v.comfort_level, v.seats_total,
       ST_Y(pickup.point::geometry) AS pickup_lat, ST_X(pickup.point::geometry) AS pickup_lon, pickup.label AS pickup_text,
       ST_Y(dropoff.point::geometry) AS dropoff_lat, ST_X(dropoff.point::geometry) AS dropoff_lon, dropoff.label AS dropoff_text
FROM page p
JOIN trips t ON t.id = p.trip_id
JOIN users u ON u.id = t.driver_id
LEFT JOIN vehicles v ON v.id = t.vehicle_id
LEFT JOIN trip_stops pickup ON pickup.trip_id = p.trip_id AND pickup.stop_order = p.pickup_order
LEFT JOIN trip_stops dropoff ON dropoff.trip_id = p.trip_id AND dropoff.stop_order = p.dropoff_order
ORDER BY p.position
