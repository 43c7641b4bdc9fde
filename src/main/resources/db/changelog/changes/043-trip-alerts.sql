--liquibase formatted sql

--changeset allocar:043-trip-alerts
-- Trip alerts (issue 14 point 6): "tell me when someone publishes a trip from A to B between these days with N seats".
-- Matched against a published trip's legs (trip_search_legs: origin, stops, destination), like the search.
CREATE TABLE trip_alerts (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    from_point  geography(Point, 4326) NOT NULL,
    from_label  text CHECK (length(from_label) <= 200),
    to_point    geography(Point, 4326) NOT NULL,
    to_label    text CHECK (length(to_label) <= 200),
    radius_km   integer NOT NULL CHECK (radius_km BETWEEN 1 AND 100),
    date_from   date NOT NULL,
    date_to     date NOT NULL,
    seats       integer NOT NULL CHECK (seats BETWEEN 1 AND 8),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT trip_alerts_dates_check CHECK (date_to >= date_from)
);
-- matching a new trip: alerts near its legs' pickup points (radius at most 100 km), still running
CREATE INDEX ix_trip_alerts_from_point ON trip_alerts USING gist (from_point);
CREATE INDEX ix_trip_alerts_user_id_created_at ON trip_alerts (user_id, created_at);
CREATE INDEX ix_trip_alerts_date_to ON trip_alerts (date_to);
--rollback DROP TABLE trip_alerts;

--changeset allocar:043-trip-alerts-settings
INSERT INTO settings (key, value, value_type, description) VALUES
    ('alerts.max_per_user', '10', 'integer', 'Trip alerts one user may keep at once (those whose last day has not passed)')
ON CONFLICT (key) DO NOTHING;
--rollback DELETE FROM settings WHERE key = 'alerts.max_per_user';
