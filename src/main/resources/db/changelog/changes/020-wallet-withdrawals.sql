--liquibase formatted sql

--changeset allocar:020-wallet-withdrawals
CREATE TABLE wallet_withdrawals (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    -- the debit made when the withdrawal was requested, and the credit that gave the money back if it failed
    wallet_txn_id   uuid REFERENCES wallet_txns (id) ON DELETE RESTRICT,
    return_txn_id   uuid REFERENCES wallet_txns (id) ON DELETE RESTRICT,
    amount          numeric(12,2) NOT NULL CHECK (amount > 0 AND amount = trunc(amount)),
    currency        text NOT NULL DEFAULT 'XOF' CHECK (currency = 'XOF'),
    method          text NOT NULL CHECK (method IN ('wave', 'orange', 'mtn')),
    phone           text NOT NULL,
    status          text NOT NULL DEFAULT 'requested'
                    CHECK (status IN ('requested', 'processing', 'done', 'failed')),
    provider_ref    text,
    failure_reason  text,
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz,
    completed_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT wallet_withdrawals_open_check
        CHECK ((status IN ('requested', 'processing')) = (next_attempt_at IS NOT NULL)),
    CONSTRAINT wallet_withdrawals_returned_check CHECK (return_txn_id IS NULL OR status = 'failed')
);
COMMENT ON TABLE wallet_withdrawals IS 'money a user takes out of the wallet to a mobile-money account; debited when requested';
COMMENT ON COLUMN wallet_withdrawals.id IS 'also the payout idempotency key sent to the provider: one withdrawal never pays twice';
COMMENT ON COLUMN wallet_withdrawals.next_attempt_at IS 'when the payout job may next send or look up an open withdrawal (a claim pushes it forward)';
CREATE UNIQUE INDEX ux_wallet_withdrawals_wallet_txn_id ON wallet_withdrawals (wallet_txn_id) WHERE wallet_txn_id IS NOT NULL;
CREATE UNIQUE INDEX ux_wallet_withdrawals_method_provider_ref ON wallet_withdrawals (method, provider_ref)
    WHERE provider_ref IS NOT NULL;
CREATE INDEX ix_wallet_withdrawals_user_id_created_at ON wallet_withdrawals (user_id, created_at);
CREATE INDEX ix_wallet_withdrawals_user_id_status ON wallet_withdrawals (user_id, status);
CREATE INDEX ix_wallet_withdrawals_return_txn_id ON wallet_withdrawals (return_txn_id) WHERE return_txn_id IS NOT NULL;
-- the payout job's scan: open withdrawals that are due
CREATE INDEX ix_wallet_withdrawals_due ON wallet_withdrawals (next_attempt_at)
    WHERE status IN ('requested', 'processing');
CREATE INDEX ix_wallet_withdrawals_status ON wallet_withdrawals (status);
CREATE INDEX ix_wallet_withdrawals_created_at ON wallet_withdrawals (created_at);
CREATE TRIGGER trg_wallet_withdrawals_updated_at BEFORE UPDATE ON wallet_withdrawals
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback DROP TABLE wallet_withdrawals;

--changeset allocar:020-wallet-txns-list-indexes
-- GET /wallet/txns: always one wallet, filtered by type or status, ordered by created_at or amount
CREATE INDEX ix_wallet_txns_wallet_id_type_created_at ON wallet_txns (wallet_id, type, created_at);
CREATE INDEX ix_wallet_txns_wallet_id_status_created_at ON wallet_txns (wallet_id, status, created_at);
CREATE INDEX ix_wallet_txns_wallet_id_amount ON wallet_txns (wallet_id, amount);
--rollback DROP INDEX ix_wallet_txns_wallet_id_amount; DROP INDEX ix_wallet_txns_wallet_id_status_created_at; DROP INDEX ix_wallet_txns_wallet_id_type_created_at;
