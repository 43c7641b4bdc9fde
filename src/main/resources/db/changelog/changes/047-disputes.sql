--liquibase formatted sql

--changeset allocar:047-dispute-states
-- Issue 15 (DISP-1): open → investigating → resolved | rejected ('in_review' becomes 'investigating').
ALTER TABLE disputes DROP CONSTRAINT disputes_status_check;
UPDATE disputes SET status = 'investigating' WHERE status = 'in_review';
ALTER TABLE disputes ADD CONSTRAINT disputes_status_check
    CHECK (status IN ('open', 'investigating', 'resolved', 'rejected'));
--rollback ALTER TABLE disputes DROP CONSTRAINT disputes_status_check;
--rollback UPDATE disputes SET status = 'in_review' WHERE status = 'investigating';
--rollback ALTER TABLE disputes ADD CONSTRAINT disputes_status_check CHECK (status IN ('open', 'in_review', 'resolved', 'rejected'));

--changeset allocar:047-dispute-columns
-- The booking's two parties (copied when the dispute is opened: who may read it, and GET /me/disputes by an index),
-- the admin it is assigned to, its attachments (object keys in the private bucket) and what the resolution moved:
-- the passenger's refund (payment_refunds row, unique: one refund per dispute) and the driver's charge.
ALTER TABLE disputes
    ADD COLUMN passenger_id  uuid REFERENCES users (id) ON DELETE RESTRICT,
    ADD COLUMN driver_id     uuid REFERENCES users (id) ON DELETE RESTRICT,
    ADD COLUMN assigned_to   uuid REFERENCES admin_users (id) ON DELETE RESTRICT,
    ADD COLUMN attachments   jsonb NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN refund_amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (refund_amount >= 0),
    ADD COLUMN refund_id     uuid REFERENCES payment_refunds (id) ON DELETE RESTRICT,
    ADD COLUMN driver_charge numeric(12,2) NOT NULL DEFAULT 0 CHECK (driver_charge >= 0),
    ADD CONSTRAINT ux_disputes_refund_id UNIQUE (refund_id),
    ADD CONSTRAINT disputes_description_check CHECK (length(description) BETWEEN 1 AND 4000);
UPDATE disputes d SET passenger_id = b.passenger_id, driver_id = t.driver_id
    FROM bookings b JOIN trips t ON t.id = b.trip_id WHERE b.id = d.booking_id;
ALTER TABLE disputes ALTER COLUMN passenger_id SET NOT NULL, ALTER COLUMN driver_id SET NOT NULL;
-- at most one dispute in progress per booking and opener
CREATE UNIQUE INDEX ux_disputes_booking_opener_active ON disputes (booking_id, opened_by)
    WHERE status IN ('open', 'investigating');
-- GET /me/disputes (either party), GET /admin/disputes filters (category, assignee; status and period exist)
CREATE INDEX ix_disputes_passenger_id_created_at ON disputes (passenger_id, created_at);
CREATE INDEX ix_disputes_driver_id_created_at ON disputes (driver_id, created_at);
CREATE INDEX ix_disputes_category_created_at ON disputes (category, created_at);
CREATE INDEX ix_disputes_assigned_to_created_at ON disputes (assigned_to, created_at) WHERE assigned_to IS NOT NULL;
--rollback DROP INDEX ix_disputes_assigned_to_created_at;
--rollback DROP INDEX ix_disputes_category_created_at;
--rollback DROP INDEX ix_disputes_driver_id_created_at;
--rollback DROP INDEX ix_disputes_passenger_id_created_at;
--rollback DROP INDEX ux_disputes_booking_opener_active;
--rollback ALTER TABLE disputes DROP CONSTRAINT disputes_description_check, DROP CONSTRAINT ux_disputes_refund_id, DROP COLUMN driver_charge, DROP COLUMN refund_id, DROP COLUMN refund_amount, DROP COLUMN attachments, DROP COLUMN assigned_to, DROP COLUMN driver_id, DROP COLUMN passenger_id;

--changeset allocar:047-dispute-messages
-- Messages on a dispute between its parties and support, oldest first.
CREATE TABLE dispute_messages (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    dispute_id  uuid NOT NULL REFERENCES disputes (id) ON DELETE CASCADE,
    author_type text NOT NULL CHECK (author_type IN ('user', 'admin')),
    author_id   uuid NOT NULL,
    body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_dispute_messages_dispute_id_created_at ON dispute_messages (dispute_id, created_at, id);
--rollback DROP TABLE dispute_messages;

--changeset allocar:047-ledger-dispute-charge
-- A dispute's resolution may charge the driver: a negative ledger entry (cause_key dispute-charge:<dispute id>).
ALTER TABLE driver_ledger DROP CONSTRAINT driver_ledger_kind_check;
ALTER TABLE driver_ledger ADD CONSTRAINT driver_ledger_kind_check
    CHECK (kind IN ('earning', 'cancellation_compensation', 'reversal', 'fine', 'payout', 'payout_returned',
                    'dispute_charge'));
--rollback ALTER TABLE driver_ledger DROP CONSTRAINT driver_ledger_kind_check;
--rollback ALTER TABLE driver_ledger ADD CONSTRAINT driver_ledger_kind_check CHECK (kind IN ('earning', 'cancellation_compensation', 'reversal', 'fine', 'payout', 'payout_returned'));
