--liquibase formatted sql

--changeset allocar:032-driver-ledger
-- The driver's earnings ledger (issue 13): every franc owed to or withheld from a driver is one row, written in the
-- same transaction as its cause (a completed ride, a kept cancellation fee, a fine, a refund after completion, a
-- payout and a failed payout's return). Rows are never updated but for payout_id, set when a payout settles them.
-- The balance is a sum, never a stored number. cause_key makes each posting idempotent.
CREATE TABLE driver_ledger (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    driver_id    uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    kind         text NOT NULL CHECK (kind IN ('earning', 'cancellation_compensation', 'reversal', 'fine', 'payout',
                                               'payout_returned')),
    amount       numeric(12,2) NOT NULL,
    gross        numeric(12,2) NOT NULL DEFAULT 0,
    commission   numeric(12,2) NOT NULL DEFAULT 0,
    fees         numeric(12,2) NOT NULL DEFAULT 0,
    booking_id   uuid REFERENCES bookings (id) ON DELETE RESTRICT,
    trip_id      uuid REFERENCES trips (id) ON DELETE RESTRICT,
    payment_id   uuid REFERENCES payments (id) ON DELETE RESTRICT,
    penalty_id   uuid REFERENCES driver_penalties (id) ON DELETE RESTRICT,
    payout_id    uuid REFERENCES payouts (id) ON DELETE RESTRICT,
    cause_key    text NOT NULL,
    available_at timestamptz NOT NULL,
    description  text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ux_driver_ledger_cause_key UNIQUE (cause_key),
    -- the passenger money behind an entry splits into commission, fees and the driver's amount
    CONSTRAINT driver_ledger_split_check CHECK (kind NOT IN ('earning', 'cancellation_compensation', 'reversal')
                                                OR gross = commission + fees + amount)
);
COMMENT ON COLUMN driver_ledger.amount IS 'signed XOF: positive is owed to the driver, negative withheld or paid out';
COMMENT ON COLUMN driver_ledger.gross IS 'the passenger money behind the entry (signed like amount), 0 for fines and payouts';
COMMENT ON COLUMN driver_ledger.payout_id IS 'the payout that settled this entry, or (kind payout) the payout itself';
COMMENT ON COLUMN driver_ledger.available_at IS 'when the entry counts toward a payout (earnings wait payouts.hold_hours)';
-- a driver's balance and history; the payout run's unsettled entries
CREATE INDEX ix_driver_ledger_driver_id_created_at ON driver_ledger (driver_id, created_at);
CREATE INDEX ix_driver_ledger_unsettled ON driver_ledger (driver_id, available_at) WHERE payout_id IS NULL;
CREATE INDEX ix_driver_ledger_booking_id ON driver_ledger (booking_id) WHERE booking_id IS NOT NULL;
CREATE INDEX ix_driver_ledger_trip_id ON driver_ledger (trip_id) WHERE trip_id IS NOT NULL;
CREATE INDEX ix_driver_ledger_payout_id ON driver_ledger (payout_id) WHERE payout_id IS NOT NULL;
CREATE INDEX ix_driver_ledger_payment_id ON driver_ledger (payment_id) WHERE payment_id IS NOT NULL;
--rollback DROP TABLE driver_ledger;

--changeset allocar:032-earnings-settings
INSERT INTO settings (key, value, value_type, description) VALUES
    ('payouts.hold_hours', '24', 'integer',
     'Hours after a ride ends before its earning can be paid out (room for a dispute)')
ON CONFLICT (key) DO NOTHING;
--rollback DELETE FROM settings WHERE key = 'payouts.hold_hours';
