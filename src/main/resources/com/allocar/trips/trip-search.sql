-- The trip search (TRIP-3), run as a prepared statement with named parameters (NamedSql).
-- Candidates come from one range of ix_trip_search_legs_cells_departure per (pickup cell, drop-off cell):
-- every column read below is in that index, so no heap page is visited. ST_DWithin is the exact test.
-- A trip matching through several legs is returned once, with its closest pickup and drop-off.
-- {order} is replaced by a fixed, whitelisted ORDER BY list (TripSearchSort); it is never user text.
WITH candidates AS (
    SELECT l.trip_id, l.pickup_order, l.dropoff_order, l.departure_time, l.price_per_seat,
           ST_Distance(l.pickup_point, ST_MakePoint(:from_lon, :from_lat)::geography, false) AS pickup_m,
           ST_Distance(l.dropoff_point, ST_MakePoint(:to_lon, :to_lat)::geography, false) AS dropoff_m
    FROM trip_search_legs l
    WHERE l.pickup_cell = ANY (search_grid_cells(:from_lat, :from_lon, :radius_m))
      AND l.dropoff_cell = ANY (search_grid_cells(:to_lat, :to_lon, :radius_m))
      AND l.departure_time >= greatest(CAST(:departure_after AS timestamptz), now())
      AND l.departure_time < :departure_before
      AND l.seats_available >= :seats
      AND l.price_per_seat >= :price_min
      AND l.price_per_seat <= :price_max
      AND l.driver_rating >= :driver_rating
      AND (CAST(:comfort AS text) IS NULL OR l.comfort = :comfort)
      AND ST_DWithin(l.pickup_point, ST_MakePoint(:from_lon, :from_lat)::geography, :radius_m, false)
      AND ST_DWithin(l.dropoff_point, ST_MakePoint(:to_lon, :to_lat)::geography, :radius_m, false)
), matched AS (
    SELECT DISTINCT ON (trip_id) *
    FROM candidates
    ORDER BY trip_id, pickup_m + dropoff_m, pickup_order, dropoff_order
)
SELECT trip_id, pickup_order, dropoff_order, round(pickup_m)::integer AS pickup_m,
       round(dropoff_m)::integer AS dropoff_m, count(*) OVER () AS total
FROM matched
ORDER BY {order}, trip_id
LIMIT :limit OFFSET :offset
