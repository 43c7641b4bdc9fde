--liquibase formatted sql

--changeset allocar:018-search-grid splitStatements:false
--comment: the search grid: 0.25 degree cells (about 28 km north-south) numbered row * 10000 + column
CREATE FUNCTION search_grid_cell(lat double precision, lon double precision) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT floor((lat + 90.0) / 0.25)::integer * 10000 + floor((lon + 180.0) / 0.25)::integer
$$;

CREATE FUNCTION search_grid_cell(point geography) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT search_grid_cell(ST_Y(point::geometry), ST_X(point::geometry))
$$;

-- Every cell that a circle of radius_m around (lat, lon) can touch: the cells of its bounding box, whose
-- longitude span is widened by the circle's highest latitude. Columns wrap at the antimeridian.
CREATE FUNCTION search_grid_cells(lat double precision, lon double precision, radius_m double precision)
RETURNS integer[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    WITH box AS (
        SELECT greatest(lat - radius_m / 111320.0, -89.999) AS south,
               least(lat + radius_m / 111320.0, 89.999) AS north,
               radius_m / (111320.0 * greatest(cos(radians(least(abs(lat) + radius_m / 111320.0, 89.0))), 0.01)) AS half_width
    )
    SELECT array_agg(r * 10000 + ((c % 1440) + 1440) % 1440 ORDER BY r, c)
    FROM box,
         generate_series(floor((south + 90.0) / 0.25)::integer, floor((north + 90.0) / 0.25)::integer) AS r,
         generate_series(floor((lon - least(half_width, 180.0) + 180.0) / 0.25)::integer,
                         floor((lon + least(half_width, 180.0) + 180.0) / 0.25)::integer) AS c
$$;
--rollback DROP FUNCTION search_grid_cells(double precision, double precision, double precision);
--rollback DROP FUNCTION search_grid_cell(geography);
--rollback DROP FUNCTION search_grid_cell(double precision, double precision);

--changeset allocar:018-trip-search-legs
--comment: one row per (pickup point, later drop-off point) of each published trip of an active driver,
--comment: kept by triggers; its covering index answers a search from one index range without heap visits
CREATE TABLE trip_search_legs (
    trip_id         uuid NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    -- 0 is the trip's origin, 32767 its destination, anything else the trip_stops.stop_order
    pickup_order    integer NOT NULL,
    dropoff_order   integer NOT NULL,
    pickup_cell     integer NOT NULL,
    dropoff_cell    integer NOT NULL,
    departure_time  timestamptz NOT NULL,
    price_per_seat  numeric(12,2) NOT NULL,
    seats_available integer NOT NULL,
    comfort         text NOT NULL,
    driver_rating   numeric(3,2) NOT NULL,
    pickup_point    geography(Point, 4326) NOT NULL,
    dropoff_point   geography(Point, 4326) NOT NULL,
    PRIMARY KEY (trip_id, pickup_order, dropoff_order),
    CONSTRAINT trip_search_legs_order_check CHECK (pickup_order < dropoff_order)
);
CREATE INDEX ix_trip_search_legs_cells_departure ON trip_search_legs (pickup_cell, dropoff_cell, departure_time)
    INCLUDE (seats_available, price_per_seat, comfort, driver_rating, pickup_point, dropoff_point,
             trip_id, pickup_order, dropoff_order);
--rollback DROP TABLE trip_search_legs;

--changeset allocar:018-trip-search-refresh splitStatements:false
CREATE FUNCTION trip_search_refresh(trip_ids uuid[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM trip_search_legs WHERE trip_id = ANY (trip_ids);
    WITH searchable AS (
        SELECT t.id, t.origin_point, t.destination_point, t.departure_time, t.price_per_seat,
               t.seats_available, t.comfort, u.rating_avg
        FROM trips t
        JOIN users u ON u.id = t.driver_id
        WHERE t.id = ANY (trip_ids) AND t.status = 'published' AND u.status = 'active'
    ), points AS (
        SELECT id AS trip_id, 0 AS point_order, origin_point AS point, true AS pickup, false AS dropoff
        FROM searchable
        UNION ALL
        SELECT s.trip_id, s.stop_order, s.point, s.pickup_allowed, s.dropoff_allowed
        FROM trip_stops s
        JOIN searchable ON searchable.id = s.trip_id
        UNION ALL
        SELECT id, 32767, destination_point, false, true
        FROM searchable
    )
    INSERT INTO trip_search_legs (trip_id, pickup_order, dropoff_order, pickup_cell, dropoff_cell, departure_time,
                                  price_per_seat, seats_available, comfort, driver_rating, pickup_point, dropoff_point)
    SELECT t.id, a.point_order, b.point_order, search_grid_cell(a.point), search_grid_cell(b.point),
           t.departure_time, t.price_per_seat, t.seats_available, t.comfort, t.rating_avg, a.point, b.point
    FROM searchable t
    JOIN points a ON a.trip_id = t.id AND a.pickup
    JOIN points b ON b.trip_id = t.id AND b.dropoff AND b.point_order > a.point_order;
$$;

CREATE FUNCTION trips_search_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT'
        OR NEW.status IS DISTINCT FROM OLD.status
        OR NEW.departure_time IS DISTINCT FROM OLD.departure_time
        OR NEW.comfort IS DISTINCT FROM OLD.comfort
        OR NEW.origin_point::text IS DISTINCT FROM OLD.origin_point::text
        OR NEW.destination_point::text IS DISTINCT FROM OLD.destination_point::text THEN
        PERFORM trip_search_refresh(ARRAY[NEW.id]);
    ELSIF NEW.seats_available IS DISTINCT FROM OLD.seats_available
        OR NEW.price_per_seat IS DISTINCT FROM OLD.price_per_seat THEN
        UPDATE trip_search_legs
        SET seats_available = NEW.seats_available, price_per_seat = NEW.price_per_seat
        WHERE trip_id = NEW.id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER trg_trips_search_sync AFTER INSERT OR UPDATE ON trips
    FOR EACH ROW EXECUTE FUNCTION trips_search_sync();

CREATE FUNCTION trip_stops_search_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM trip_search_refresh(ARRAY[OLD.trip_id]);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.trip_id <> OLD.trip_id) THEN
        PERFORM trip_search_refresh(ARRAY[NEW.trip_id]);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER trg_trip_stops_search_sync AFTER INSERT OR UPDATE OR DELETE ON trip_stops
    FOR EACH ROW EXECUTE FUNCTION trip_stops_search_sync();

-- A driver's suspension hides their trips; a new rating average is searchable at once.
CREATE FUNCTION users_search_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM trip_search_refresh(ARRAY(
        SELECT id FROM trips WHERE driver_id = NEW.id AND status = 'published'));
    RETURN NULL;
END;
$$;

CREATE TRIGGER trg_users_search_sync AFTER UPDATE ON users
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.rating_avg IS DISTINCT FROM NEW.rating_avg)
    EXECUTE FUNCTION users_search_sync();

SELECT trip_search_refresh(ARRAY(SELECT id FROM trips WHERE status = 'published'));
--rollback DROP TRIGGER trg_users_search_sync ON users;
--rollback DROP FUNCTION users_search_sync();
--rollback DROP TRIGGER trg_trip_stops_search_sync ON trip_stops;
--rollback DROP FUNCTION trip_stops_search_sync();
--rollback DROP TRIGGER trg_trips_search_sync ON trips;
--rollback DROP FUNCTION trips_search_sync();
--rollback DROP FUNCTION trip_search_refresh(uuid[]);
