--liquibase formatted sql

--changeset allocar:034-reconciliation-runs
-- Issue 13, point 3b: the daily reconciliation of our payments and refunds with the providers' records. One row per
-- run (a day, one provider or all), its progress (phase and cursor: a restarted run resumes there) and its counts.
CREATE TABLE reconciliation_runs (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    day                date NOT NULL,
    provider           text CHECK (provider IN ('wave', 'orange', 'mtn', 'stripe')),
    status             text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
    records_checked    integer NOT NULL DEFAULT 0 CHECK (records_checked >= 0),
    records_unchecked  integer NOT NULL DEFAULT 0 CHECK (records_unchecked >= 0),
    differences        integer NOT NULL DEFAULT 0 CHECK (differences >= 0),
    repaired           integer NOT NULL DEFAULT 0 CHECK (repaired >= 0),
    phase              text,
    phase_cursor       text,
    triggered_by       text NOT NULL CHECK (triggered_by IN ('schedule', 'admin', 'console')),
    admin_id           uuid REFERENCES admin_users (id) ON DELETE RESTRICT,
    batch_instance_id  bigint,
    batch_execution_id bigint,
    failure            text,
    started_at         timestamptz NOT NULL DEFAULT now(),
    finished_at        timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT reconciliation_runs_admin_check CHECK ((triggered_by = 'admin') = (admin_id IS NOT NULL))
);
COMMENT ON TABLE reconciliation_runs IS 'one run of the daily reconciliation (docs/reconciliation.md): a UTC day, one provider or all (provider null)';
COMMENT ON COLUMN reconciliation_runs.records_unchecked IS 'records of ours the provider could not be asked about (not configured, unavailable, refused): run again later';
COMMENT ON COLUMN reconciliation_runs.phase IS 'progress: attempts, refunds, payouts, withdrawals, provider_lists, webhooks; null once done';
COMMENT ON COLUMN reconciliation_runs.phase_cursor IS 'progress within the phase (the last record compared, or the provider''s page cursor)';
-- one running run per day and provider at a time (a second is refused; a run left running by a crash is taken over)
CREATE UNIQUE INDEX ux_reconciliation_runs_running ON reconciliation_runs (day, COALESCE(provider, '*'))
    WHERE status = 'running';
CREATE INDEX ix_reconciliation_runs_day ON reconciliation_runs (day, created_at);
CREATE INDEX ix_reconciliation_runs_created_at ON reconciliation_runs (created_at);
CREATE INDEX ix_reconciliation_runs_instance ON reconciliation_runs (batch_instance_id) WHERE batch_instance_id IS NOT NULL;
CREATE TRIGGER trg_reconciliation_runs_updated_at BEFORE UPDATE ON reconciliation_runs
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback DROP TABLE reconciliation_runs;

--changeset allocar:034-reconciliation-items
-- Each difference a run found. item_key names the record (attempt:<id>, refund:<id>, payout:<id>, withdrawal:<id>,
-- provider:<provider>:<ref>, event:<inbox id>): a resumed run that compares a record again adds nothing.
CREATE TABLE reconciliation_items (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    run_id          uuid NOT NULL REFERENCES reconciliation_runs (id) ON DELETE CASCADE,
    kind            text NOT NULL CHECK (kind IN ('missing_at_provider', 'missing_here', 'amount_mismatch', 'status_mismatch')),
    record_type     text NOT NULL CHECK (record_type IN ('payment', 'refund', 'payout', 'withdrawal')),
    provider        text NOT NULL CHECK (provider IN ('wave', 'orange', 'mtn', 'stripe')),
    item_key        text NOT NULL,
    payment_id      uuid,
    attempt_id      uuid,
    refund_id       uuid,
    payout_id       uuid,
    withdrawal_id   uuid,
    our_ref         text,
    provider_ref    text,
    our_amount      numeric(12,2),
    our_status      text,
    provider_amount numeric(12,2),
    provider_status text,
    repaired        boolean NOT NULL DEFAULT false,
    action          text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ux_reconciliation_items_key UNIQUE (run_id, item_key, kind)
);
COMMENT ON TABLE reconciliation_items IS 'one difference between our records and a provider''s, found by a reconciliation run';
COMMENT ON COLUMN reconciliation_items.our_ref IS 'our reference at the provider: the attempt id (Wave client_reference, MTN X-Reference-Id, Stripe metadata[payment_id]), the payout or withdrawal id (Wave payout client_reference); null for missing_here';
COMMENT ON COLUMN reconciliation_items.action IS 'what the run did (repaired: applied through the webhook path) or what finance should do';
-- payment_id, attempt_id, refund_id, payout_id and withdrawal_id name our rows without a foreign key: a difference is
-- kept as found
CREATE INDEX ix_reconciliation_items_run ON reconciliation_items (run_id, created_at, id);
CREATE INDEX ix_reconciliation_items_run_kind ON reconciliation_items (run_id, kind, provider);
CREATE INDEX ix_reconciliation_items_payment ON reconciliation_items (payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX ix_reconciliation_items_open ON reconciliation_items (created_at) WHERE NOT repaired;
--rollback DROP TABLE reconciliation_items;

--changeset allocar:034-reconciliation-day-indexes
-- what a run reads of a day: payments paid then, attempts made then, refunds completed then
CREATE INDEX ix_payments_paid_at ON payments (paid_at) WHERE paid_at IS NOT NULL;
CREATE INDEX ix_payment_attempts_created_at ON payment_attempts (created_at);
CREATE INDEX ix_payment_refunds_completed_at ON payment_refunds (completed_at) WHERE status = 'completed';
--rollback DROP INDEX ix_payments_paid_at; DROP INDEX ix_payment_attempts_created_at; DROP INDEX ix_payment_refunds_completed_at;
