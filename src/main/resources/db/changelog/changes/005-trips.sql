--liquibase formatted sql

--changeset allocar:005-trips
CREATE TABLE trips (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    driver_id         uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    vehicle_id        uuid REFERENCES vehicles (id) ON DELETE RESTRICT,
    origin_point      geography(Point, 4326) NOT NULL,
    origin_text       text NOT NULL,
    destination_point geography(Point, 4326) NOT NULL,
    destination_text  text NOT NULL,
    departure_time    timestamptz NOT NULL,
    arrival_eta       timestamptz,
    distance_m        integer CHECK (distance_m >= 0),
    duration_s        integer CHECK (duration_s >= 0),
    price_per_seat    numeric(12,2) NOT NULL CHECK (price_per_seat >= 0),
    currency          text NOT NULL DEFAULT 'XOF' CHECK (currency = 'XOF'),
    seats_offered     integer NOT NULL CHECK (seats_offered >= 1),
    seats_available   integer NOT NULL CHECK (seats_available >= 0),
    comfort           text NOT NULL DEFAULT 'standard' CHECK (comfort IN ('basic', 'standard', 'comfort')),
    luggage_policy    text,
    rules             text,
    allow_auto_accept boolean NOT NULL DEFAULT false,
    status            text NOT NULL DEFAULT 'draft'
                      CHECK (status IN ('draft', 'published', 'ongoing', 'completed', 'cancelled')),
    cancelled_at      timestamptz,
    cancel_reason     text,
    version           bigint NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT trips_seats_check CHECK (seats_available <= seats_offered),
    CONSTRAINT trips_arrival_check CHECK (arrival_eta IS NULL OR arrival_eta > departure_time),
    CONSTRAINT trips_cancellation_check CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
CREATE INDEX ix_trips_driver_id_departure_time ON trips (driver_id, departure_time);
CREATE INDEX ix_trips_vehicle_id ON trips (vehicle_id);
CREATE INDEX ix_trips_status_departure_time ON trips (status, departure_time);
CREATE INDEX ix_trips_departure_time ON trips (departure_time);
CREATE INDEX ix_trips_created_at ON trips (created_at);
CREATE INDEX ix_trips_origin_point ON trips USING gist (origin_point);
CREATE INDEX ix_trips_destination_point ON trips USING gist (destination_point);
CREATE TRIGGER trg_trips_updated_at BEFORE UPDATE ON trips
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback DROP TABLE trips;

--changeset allocar:005-trip-stops
CREATE TABLE trip_stops (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    trip_id         uuid NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    stop_order      integer NOT NULL CHECK (stop_order >= 1),
    point           geography(Point, 4326) NOT NULL,
    label           text NOT NULL,
    pickup_allowed  boolean NOT NULL DEFAULT true,
    dropoff_allowed boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    -- deferred, so that stops can be reordered in one transaction
    CONSTRAINT ux_trip_stops_trip_order UNIQUE (trip_id, stop_order) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX ix_trip_stops_point ON trip_stops USING gist (point);
--rollback DROP TABLE trip_stops;
