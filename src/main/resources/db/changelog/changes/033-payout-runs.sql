--liquibase formatted sql

--changeset allocar:033-payout-states
-- JOB-1: scheduled → processing → paid | failed | needs_review (014 said 'done'; nothing wrote payouts before).
-- A payout belongs to one run of the payouts job (its job instance: the same across restarts), once per driver.
ALTER TABLE payouts DROP CONSTRAINT payouts_status_check;
ALTER TABLE payouts ADD CONSTRAINT payouts_status_check
    CHECK (status IN ('scheduled', 'processing', 'paid', 'failed', 'needs_review'));
ALTER TABLE payouts ADD COLUMN job_instance_id bigint;
ALTER TABLE payouts ADD COLUMN job_execution_id bigint;
ALTER TABLE payouts ADD COLUMN recipient text;
ALTER TABLE payouts ADD COLUMN claimed_until timestamptz;
ALTER TABLE payouts ADD COLUMN review_note text;
ALTER TABLE payouts ADD COLUMN resolved_by uuid REFERENCES admin_users (id) ON DELETE RESTRICT;
ALTER TABLE payouts ADD COLUMN resolved_at timestamptz;
COMMENT ON COLUMN payouts.recipient IS 'the mobile-money number paid (E.164), the driver''s verified phone at the time';
COMMENT ON COLUMN payouts.job_instance_id IS 'the payouts job instance (run) that made it; null when finance made it';
CREATE UNIQUE INDEX ux_payouts_driver_run ON payouts (driver_id, job_instance_id) WHERE job_instance_id IS NOT NULL;
-- one payout in flight per driver: a second run never pays what the first may still be paying
CREATE UNIQUE INDEX ux_payouts_driver_open ON payouts (driver_id) WHERE status IN ('scheduled', 'processing');
CREATE INDEX ix_payouts_status_created_at ON payouts (status, created_at);
--rollback DROP INDEX ux_payouts_driver_run;
--rollback DROP INDEX ux_payouts_driver_open;
--rollback DROP INDEX ix_payouts_status_created_at;
--rollback ALTER TABLE payouts DROP COLUMN job_instance_id, DROP COLUMN job_execution_id, DROP COLUMN recipient,
--rollback     DROP COLUMN claimed_until, DROP COLUMN review_note, DROP COLUMN resolved_by, DROP COLUMN resolved_at;
--rollback ALTER TABLE payouts DROP CONSTRAINT payouts_status_check;
--rollback ALTER TABLE payouts ADD CONSTRAINT payouts_status_check CHECK (status IN ('scheduled', 'processing', 'done', 'failed'));

--changeset allocar:033-drop-payout-items
-- Superseded by driver_ledger.payout_id (the entries a payout settled, fines and reversals included).
DROP TABLE payout_items;
--rollback CREATE TABLE payout_items (id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
--rollback     payout_id uuid NOT NULL REFERENCES payouts (id) ON DELETE CASCADE,
--rollback     booking_id uuid NOT NULL UNIQUE REFERENCES bookings (id) ON DELETE RESTRICT,
--rollback     amount numeric(12,2) NOT NULL CHECK (amount >= 0),
--rollback     commission numeric(12,2) NOT NULL DEFAULT 0 CHECK (commission >= 0),
--rollback     created_at timestamptz NOT NULL DEFAULT now());
--rollback CREATE INDEX ix_payout_items_payout_id ON payout_items (payout_id);
