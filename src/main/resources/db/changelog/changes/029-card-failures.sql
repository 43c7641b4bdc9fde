--liquibase formatted sql

--changeset allocar:029-card-failures
-- PAY-5 counts failed card confirmations, not payments: one PaymentIntent can be confirmed with any number of
-- cards, and each payment_intent.payment_failed (or a refusal when the intent is made) is one row here.
CREATE TABLE card_failures (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    payment_id uuid NOT NULL REFERENCES payments (id) ON DELETE RESTRICT,
    event_id   text,
    reason     text,
    failed_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN card_failures.event_id IS 'the provider event that reported it; null for a refusal at creation';
CREATE UNIQUE INDEX ux_card_failures_event_id ON card_failures (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX ix_card_failures_user_id_failed_at ON card_failures (user_id, failed_at);
CREATE INDEX ix_card_failures_payment_id ON card_failures (payment_id);
--rollback DROP TABLE card_failures;
