--liquibase formatted sql

--changeset allocar:024-payment-attempts
-- Issue 12, point 1: every call that opens something payable at a provider is an attempt of its own, with its
-- reference and tokens. A payment used to hold one provider_ref / notif_token, overwritten by the next init, so a
-- payer completing the earlier attempt was refused (Orange) or recorded as a mismatch (Wave, Stripe).
CREATE TABLE payment_attempts (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    payment_id      uuid NOT NULL REFERENCES payments (id) ON DELETE RESTRICT,
    provider        text NOT NULL CHECK (provider IN ('wave', 'orange', 'mtn', 'stripe')),
    status          text NOT NULL DEFAULT 'opening'
        CHECK (status IN ('opening', 'open', 'superseded', 'succeeded', 'failed', 'needs_review')),
    provider_ref    text,
    provider_txn_id text,
    checkout_url    text,
    pay_token       text,
    notif_token     text,
    app_data        jsonb,
    expires_at      timestamptz,
    failure_reason  text,
    raw_payload     jsonb,
    version         bigint NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE payment_attempts IS 'one row per attempt opened at a provider; our reference at the provider is the row id (the first attempt of a payment has the payment''s id)';
COMMENT ON COLUMN payment_attempts.status IS 'opening (provider being called), open (payer invited), superseded (replaced by a newer attempt, still accepted if paid), succeeded, failed, needs_review (a verified success that could not be applied: finance)';
CREATE UNIQUE INDEX ux_payment_attempts_provider_ref ON payment_attempts (provider, provider_ref) WHERE provider_ref IS NOT NULL;
-- at most one live attempt per payment: a concurrent init reuses it or waits
CREATE UNIQUE INDEX ux_payment_attempts_live ON payment_attempts (payment_id) WHERE status IN ('opening', 'open');
CREATE INDEX ix_payment_attempts_payment_id ON payment_attempts (payment_id, created_at);
CREATE INDEX ix_payment_attempts_needs_review ON payment_attempts (updated_at) WHERE status = 'needs_review';
CREATE TRIGGER trg_payment_attempts_updated_at BEFORE UPDATE ON payment_attempts
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback DROP TABLE payment_attempts;

--changeset allocar:024-payment-attempts-backfill
-- the attempt each existing payment made, under the payment's id (the reference its provider already holds)
INSERT INTO payment_attempts (id, payment_id, provider, status, provider_ref, provider_txn_id, checkout_url,
                              pay_token, notif_token, failure_reason, raw_payload, created_at, updated_at)
SELECT id, id, CASE method WHEN 'card' THEN 'stripe' ELSE method END,
       CASE WHEN status IN ('paid', 'refunded') THEN 'succeeded' WHEN status = 'failed' THEN 'failed'
            WHEN provider_ref IS NULL THEN 'opening' ELSE 'open' END,
       provider_ref, provider_txn_id, checkout_url, pay_token, notif_token, failure_reason, raw_payload, created_at,
       updated_at
FROM payments WHERE method <> 'wallet';
--rollback DELETE FROM payment_attempts WHERE id = payment_id;

--changeset allocar:024-payments-attempt-columns-moved
-- the tokens, the payer's URL and the provider's answer belong to an attempt now; the payment keeps provider_ref
-- (the attempt that paid it, else the latest) and provider_txn_id
ALTER TABLE payments DROP COLUMN pay_token;
ALTER TABLE payments DROP COLUMN notif_token;
ALTER TABLE payments DROP COLUMN checkout_url;
ALTER TABLE payments DROP COLUMN raw_payload;
--rollback ALTER TABLE payments ADD COLUMN pay_token text; ALTER TABLE payments ADD COLUMN notif_token text;
--rollback ALTER TABLE payments ADD COLUMN checkout_url text; ALTER TABLE payments ADD COLUMN raw_payload jsonb;
--rollback UPDATE payments p SET pay_token = a.pay_token, notif_token = a.notif_token, checkout_url = a.checkout_url,
--rollback raw_payload = a.raw_payload FROM payment_attempts a WHERE a.id = p.id;

--changeset allocar:024-webhook-events-needs-review
COMMENT ON COLUMN webhook_events.outcome IS 'what the event did: applied, already_applied, pending, mismatch, needs_review, unknown_payment, ignored';
CREATE INDEX ix_webhook_events_needs_review ON webhook_events (received_at) WHERE outcome = 'needs_review';
--rollback DROP INDEX ix_webhook_events_needs_review;
--rollback COMMENT ON COLUMN webhook_events.outcome IS 'what the event did: applied, already_applied, pending, mismatch, unknown_payment, ignored';
