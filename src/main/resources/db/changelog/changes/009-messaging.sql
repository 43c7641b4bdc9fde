--liquibase formatted sql

--changeset allocar:009-messages
CREATE TABLE messages (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    booking_id   uuid NOT NULL REFERENCES bookings (id) ON DELETE RESTRICT,
    from_user_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    type         text NOT NULL DEFAULT 'text' CHECK (type IN ('text', 'image')),
    content      text NOT NULL CHECK (content <> ''),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_messages_booking_id_created_at ON messages (booking_id, created_at);
CREATE INDEX ix_messages_from_user_id ON messages (from_user_id);
CREATE INDEX ix_messages_created_at ON messages (created_at);
--rollback DROP TABLE messages;

--changeset allocar:009-driver-locations
CREATE TABLE driver_locations (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    trip_id    uuid NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    driver_id  uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    point      geography(Point, 4326) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_driver_locations_trip_id_created_at ON driver_locations (trip_id, created_at);
CREATE INDEX ix_driver_locations_driver_id ON driver_locations (driver_id);
CREATE INDEX ix_driver_locations_created_at ON driver_locations (created_at);
CREATE INDEX ix_driver_locations_point ON driver_locations USING gist (point);
--rollback DROP TABLE driver_locations;
