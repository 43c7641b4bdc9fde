--liquibase formatted sql

--changeset allocar:014-payouts
CREATE TABLE payouts (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    driver_id      uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    amount         numeric(12,2) NOT NULL CHECK (amount >= 0),
    fees           numeric(12,2) NOT NULL DEFAULT 0 CHECK (fees >= 0),
    currency       text NOT NULL DEFAULT 'XOF' CHECK (currency = 'XOF'),
    status         text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'processing', 'done', 'failed')),
    provider       text CHECK (provider IN ('wave', 'orange', 'mtn', 'manual')),
    provider_ref   text,
    period_start   timestamptz NOT NULL,
    period_end     timestamptz NOT NULL,
    attempts       integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    failure_reason text,
    processed_at   timestamptz,
    version        bigint NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT payouts_period_check CHECK (period_end > period_start)
);
COMMENT ON COLUMN payouts.amount IS 'net amount sent to the driver';
COMMENT ON COLUMN payouts.processed_at IS 'when the transfer ended (done or failed)';
CREATE UNIQUE INDEX ux_payouts_provider_ref ON payouts (provider, provider_ref) WHERE provider_ref IS NOT NULL;
CREATE INDEX ix_payouts_driver_id_created_at ON payouts (driver_id, created_at);
CREATE INDEX ix_payouts_status ON payouts (status);
CREATE INDEX ix_payouts_created_at ON payouts (created_at);
CREATE TRIGGER trg_payouts_updated_at BEFORE UPDATE ON payouts
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback DROP TABLE payouts;

--changeset allocar:014-payout-items
CREATE TABLE payout_items (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    payout_id  uuid NOT NULL REFERENCES payouts (id) ON DELETE CASCADE,
    -- a booking is paid out once, whatever happens to the batch job
    booking_id uuid NOT NULL UNIQUE REFERENCES bookings (id) ON DELETE RESTRICT,
    amount     numeric(12,2) NOT NULL CHECK (amount >= 0),
    commission numeric(12,2) NOT NULL DEFAULT 0 CHECK (commission >= 0),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_payout_items_payout_id ON payout_items (payout_id);
--rollback DROP TABLE payout_items;
