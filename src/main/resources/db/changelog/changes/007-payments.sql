--liquibase formatted sql

--changeset allocar:007-payments
CREATE TABLE payments (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    purpose         text NOT NULL DEFAULT 'booking' CHECK (purpose IN ('booking', 'topup')),
    booking_id      uuid REFERENCES bookings (id) ON DELETE RESTRICT,
    user_id         uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    method          text NOT NULL CHECK (method IN ('wave', 'orange', 'mtn', 'card', 'wallet')),
    status          text NOT NULL DEFAULT 'init' CHECK (status IN ('init', 'authorized', 'paid', 'failed', 'refunded')),
    amount          numeric(12,2) NOT NULL CHECK (amount >= 0),
    currency        text NOT NULL DEFAULT 'XOF' CHECK (currency = 'XOF'),
    fees            numeric(12,2) NOT NULL DEFAULT 0 CHECK (fees >= 0),
    commission      numeric(12,2) NOT NULL DEFAULT 0 CHECK (commission >= 0),
    refunded_amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
    provider_ref    text,
    provider_txn_id text,
    checkout_url    text,
    pay_token       text,
    notif_token     text,
    failure_reason  text,
    raw_payload     jsonb,
    paid_at         timestamptz,
    refunded_at     timestamptz,
    version         bigint NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT payments_booking_check CHECK ((purpose = 'booking') = (booking_id IS NOT NULL)),
    CONSTRAINT payments_topup_method_check CHECK (purpose <> 'topup' OR method <> 'wallet'),
    CONSTRAINT payments_refund_check CHECK (refunded_amount <= amount)
);
COMMENT ON COLUMN payments.provider_ref IS 'the provider''s id for this attempt: Wave checkout session, Stripe PaymentIntent, MTN X-Reference-Id, Orange order_id';
COMMENT ON COLUMN payments.provider_txn_id IS 'the provider''s transaction id once paid: Wave transaction_id, Orange txnid, MTN financialTransactionId';
CREATE UNIQUE INDEX ux_payments_method_provider_ref ON payments (method, provider_ref) WHERE provider_ref IS NOT NULL;
-- a booking is paid once: a second successful payment must be refunded, never recorded as paid
CREATE UNIQUE INDEX ux_payments_booking_paid ON payments (booking_id) WHERE status IN ('paid', 'refunded');
CREATE INDEX ix_payments_booking_id ON payments (booking_id);
CREATE INDEX ix_payments_user_id_created_at ON payments (user_id, created_at);
CREATE INDEX ix_payments_status_method ON payments (status, method);
CREATE INDEX ix_payments_created_at ON payments (created_at);
CREATE TRIGGER trg_payments_updated_at BEFORE UPDATE ON payments
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback DROP TABLE payments;

--changeset allocar:007-webhook-events
CREATE TABLE webhook_events (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    provider     text NOT NULL CHECK (provider IN ('wave', 'orange', 'mtn', 'stripe')),
    event_id     text NOT NULL,
    event_type   text,
    payload      jsonb NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    processed_at timestamptz,
    CONSTRAINT ux_webhook_events_provider_event_id UNIQUE (provider, event_id)
);
CREATE INDEX ix_webhook_events_received_at ON webhook_events (received_at);
CREATE INDEX ix_webhook_events_unprocessed ON webhook_events (received_at) WHERE processed_at IS NULL;
--rollback DROP TABLE webhook_events;
