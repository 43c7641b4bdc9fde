--liquibase formatted sql

--changeset allocar:019-payments-flow
-- 007 made a booking's second successful payment impossible to record (unique booking_id among paid/refunded).
-- But two attempts of one booking can both be paid for real (the payer pays Wave, then a card attempt already
-- sent succeeds): the money arrived and must be recorded as paid, then refunded. "One payment buys a booking" is
-- enforced by BookingSettlement.settle under the booking's row lock instead. What must be unique is the open
-- attempt: at most one init/authorized payment per booking and method, so that concurrent inits reuse one.
DROP INDEX ux_payments_booking_paid;
CREATE UNIQUE INDEX ux_payments_booking_method_open ON payments (booking_id, method)
    WHERE purpose = 'booking' AND status IN ('init', 'authorized');
ALTER TABLE payments ADD COLUMN failed_at timestamptz;
-- PAY-5: failed card payments of a user in the last 24 h
CREATE INDEX ix_payments_user_card_failed ON payments (user_id, failed_at) WHERE method = 'card' AND status = 'failed';
-- GET /payments filters (always scoped to the caller)
CREATE INDEX ix_payments_user_status_created_at ON payments (user_id, status, created_at);
CREATE INDEX ix_payments_user_method_created_at ON payments (user_id, method, created_at);
DROP INDEX ix_payments_booking_id;
CREATE INDEX ix_payments_booking_id_status ON payments (booking_id, status);
--rollback DROP INDEX ix_payments_booking_id_status; CREATE INDEX ix_payments_booking_id ON payments (booking_id);
--rollback DROP INDEX ix_payments_user_method_created_at; DROP INDEX ix_payments_user_status_created_at;
--rollback DROP INDEX ix_payments_user_card_failed; ALTER TABLE payments DROP COLUMN failed_at;
--rollback DROP INDEX ux_payments_booking_method_open;
--rollback CREATE UNIQUE INDEX ux_payments_booking_paid ON payments (booking_id) WHERE status IN ('paid', 'refunded');

--changeset allocar:019-webhook-events-outcome
ALTER TABLE webhook_events ADD COLUMN payment_id uuid REFERENCES payments (id) ON DELETE RESTRICT;
ALTER TABLE webhook_events ADD COLUMN outcome text;
COMMENT ON COLUMN webhook_events.outcome IS 'what the event did: applied, already_applied, pending, mismatch, unknown_payment, ignored';
CREATE INDEX ix_webhook_events_payment_id ON webhook_events (payment_id);
--rollback DROP INDEX ix_webhook_events_payment_id; ALTER TABLE webhook_events DROP COLUMN outcome; ALTER TABLE webhook_events DROP COLUMN payment_id;

--changeset allocar:019-payment-refunds
CREATE TABLE payment_refunds (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    payment_id         uuid NOT NULL REFERENCES payments (id) ON DELETE RESTRICT,
    amount             numeric(12,2) NOT NULL CHECK (amount > 0),
    route              text NOT NULL CHECK (route IN ('WALLET', 'ORIGINAL')),
    status             text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'completed', 'failed')),
    reason             text NOT NULL,
    provider_refund_id text,
    attempts           integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error         text,
    last_attempt_at    timestamptz,
    wallet_txn_id      uuid REFERENCES wallet_txns (id) ON DELETE RESTRICT,
    completed_at       timestamptz,
    actor_type         text NOT NULL CHECK (actor_type IN ('user', 'admin', 'system')),
    actor_id           uuid,
    version            bigint NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT payment_refunds_wallet_check CHECK (route <> 'WALLET' OR status <> 'completed' OR wallet_txn_id IS NOT NULL)
);
CREATE INDEX ix_payment_refunds_payment_id_status ON payment_refunds (payment_id, status);
-- the retry job's queue
CREATE INDEX ix_payment_refunds_pending ON payment_refunds (last_attempt_at) WHERE status = 'pending';
CREATE INDEX ix_payment_refunds_created_at ON payment_refunds (created_at);
CREATE TRIGGER trg_payment_refunds_updated_at BEFORE UPDATE ON payment_refunds
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback DROP TABLE payment_refunds;
