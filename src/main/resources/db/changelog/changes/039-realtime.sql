--liquibase formatted sql

--changeset allocar:039-socket-tickets
-- Real time (MSG-2, issue 14; docs/realtime.md): the one-use tickets that admit a WebSocket. POST /ws/tickets makes
-- one for a user and a room ("bookings/{id}" or "trips/{id}/driver-location") after checking that the user belongs
-- there; the socket's handshake presents it (Sec-WebSocket-Protocol, never the URL) and redeems it with one
-- conditional update (used_at IS NULL), whichever instance receives the socket. Only a keyed hash is stored.
CREATE TABLE ws_tickets (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    token_hash  text NOT NULL,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    room        text NOT NULL CHECK (room <> ''),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ux_ws_tickets_token_hash UNIQUE (token_hash),
    CONSTRAINT ck_ws_tickets_expiry CHECK (expires_at > created_at)
);
-- A user's expired tickets are removed when the user asks for a new one.
CREATE INDEX ix_ws_tickets_user_id_expires_at ON ws_tickets (user_id, expires_at);
--rollback DROP TABLE ws_tickets;

--changeset allocar:039-driver-locations-last
-- The driver's live position: only the last accepted fix of each trip is kept (one row per trip, replaced at each
-- fix): the sockets and GET /trips/{id}/driver-location need no more, and a track of every driver's movements is
-- personal data nothing needs. Rows written before (nothing wrote any) are reduced to each trip's latest.
DELETE FROM driver_locations d
 WHERE EXISTS (SELECT 1 FROM driver_locations n
                WHERE n.trip_id = d.trip_id AND (n.created_at, n.id) > (d.created_at, d.id));
ALTER TABLE driver_locations ADD COLUMN heading double precision
    CONSTRAINT ck_driver_locations_heading CHECK (heading >= 0 AND heading < 360);
ALTER TABLE driver_locations ADD COLUMN speed double precision
    CONSTRAINT ck_driver_locations_speed CHECK (speed >= 0);
-- When the device took the fix (the client's "at"), and when the server accepted it.
ALTER TABLE driver_locations ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE driver_locations ADD COLUMN received_at timestamptz NOT NULL DEFAULT now();
UPDATE driver_locations SET recorded_at = created_at, received_at = created_at;
CREATE UNIQUE INDEX ux_driver_locations_trip_id ON driver_locations (trip_id);
DROP INDEX ix_driver_locations_trip_id_created_at;
--rollback CREATE INDEX ix_driver_locations_trip_id_created_at ON driver_locations (trip_id, created_at);
--rollback DROP INDEX ux_driver_locations_trip_id;
--rollback ALTER TABLE driver_locations DROP COLUMN received_at, DROP COLUMN recorded_at, DROP COLUMN speed, DROP COLUMN heading;
