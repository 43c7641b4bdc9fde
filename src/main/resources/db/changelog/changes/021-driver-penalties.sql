--liquibase formatted sql

--changeset allocar:021-driver-penalties
-- CXL-2: a driver who cancels less than the window before departure owes a fine, withheld from later payouts,
-- and penalty points (users.driver_penalty_points). The payout job settles pending rows.
CREATE TABLE driver_penalties (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    driver_id   uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    trip_id     uuid NOT NULL REFERENCES trips (id) ON DELETE RESTRICT,
    booking_id  uuid REFERENCES bookings (id) ON DELETE RESTRICT,
    amount      numeric(12,2) NOT NULL CHECK (amount >= 0),
    points      integer NOT NULL CHECK (points >= 0),
    reason      text NOT NULL,
    status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'withheld', 'waived')),
    payout_id   uuid REFERENCES payouts (id) ON DELETE RESTRICT,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN driver_penalties.booking_id IS 'the booking cancelled, or null for a whole trip cancelled';
-- a trip's cancellation is fined once, a booking's cancellation once
CREATE UNIQUE INDEX ux_driver_penalties_trip ON driver_penalties (trip_id) WHERE booking_id IS NULL;
CREATE UNIQUE INDEX ux_driver_penalties_booking ON driver_penalties (booking_id) WHERE booking_id IS NOT NULL;
CREATE INDEX ix_driver_penalties_driver_id_status ON driver_penalties (driver_id, status);
CREATE INDEX ix_driver_penalties_created_at ON driver_penalties (created_at);
CREATE TRIGGER trg_driver_penalties_updated_at BEFORE UPDATE ON driver_penalties
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback DROP TABLE driver_penalties;
