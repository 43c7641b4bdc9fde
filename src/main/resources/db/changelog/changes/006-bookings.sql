--liquibase formatted sql

--changeset allocar:006-bookings
CREATE TABLE bookings (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    trip_id       uuid NOT NULL REFERENCES trips (id) ON DELETE RESTRICT,
    passenger_id  uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    seats         integer NOT NULL CHECK (seats >= 1),
    amount_total  numeric(12,2) NOT NULL CHECK (amount_total >= 0),
    currency      text NOT NULL DEFAULT 'XOF' CHECK (currency = 'XOF'),
    status        text NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'accepted', 'paid', 'cancelled', 'completed')),
    qr_code       text UNIQUE,
    expires_at    timestamptz,
    checked_in_at timestamptz,
    started_at    timestamptz,
    completed_at  timestamptz,
    cancelled_at  timestamptz,
    cancelled_by  text CHECK (cancelled_by IN ('passenger', 'driver', 'admin', 'system')),
    cancel_reason text,
    version       bigint NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT bookings_cancellation_check
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL AND cancelled_by IS NOT NULL))
);
CREATE INDEX ix_bookings_trip_id_status ON bookings (trip_id, status);
CREATE INDEX ix_bookings_passenger_id_created_at ON bookings (passenger_id, created_at);
CREATE INDEX ix_bookings_status ON bookings (status);
CREATE INDEX ix_bookings_created_at ON bookings (created_at);
CREATE INDEX ix_bookings_pending_expires_at ON bookings (expires_at) WHERE status = 'pending';
CREATE TRIGGER trg_bookings_updated_at BEFORE UPDATE ON bookings
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback DROP TABLE bookings;

--changeset allocar:006-booking-events
CREATE TABLE booking_events (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    booking_id  uuid NOT NULL REFERENCES bookings (id) ON DELETE RESTRICT,
    from_status text CHECK (from_status IN ('pending', 'accepted', 'paid', 'cancelled', 'completed')),
    to_status   text NOT NULL CHECK (to_status IN ('pending', 'accepted', 'paid', 'cancelled', 'completed')),
    actor_type  text NOT NULL CHECK (actor_type IN ('user', 'admin', 'system')),
    actor_id    uuid,
    meta        jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT booking_events_actor_check CHECK (actor_type = 'system' OR actor_id IS NOT NULL)
);
CREATE INDEX ix_booking_events_booking_id_created_at ON booking_events (booking_id, created_at);
CREATE INDEX ix_booking_events_created_at ON booking_events (created_at);
--rollback DROP TABLE booking_events;
