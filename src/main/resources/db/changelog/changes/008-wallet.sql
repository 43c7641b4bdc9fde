--liquibase formatted sql

--changeset allocar:008-wallets
CREATE TABLE wallets (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid NOT NULL UNIQUE REFERENCES users (id) ON DELETE RESTRICT,
    balance    numeric(12,2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
    currency   text NOT NULL DEFAULT 'XOF' CHECK (currency = 'XOF'),
    version    bigint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER trg_wallets_updated_at BEFORE UPDATE ON wallets
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback DROP TABLE wallets;

--changeset allocar:008-wallet-txns
CREATE TABLE wallet_txns (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    wallet_id       uuid NOT NULL REFERENCES wallets (id) ON DELETE RESTRICT,
    type            text NOT NULL CHECK (type IN ('credit', 'debit')),
    amount          numeric(12,2) NOT NULL CHECK (amount >= 0),
    source          text NOT NULL CHECK (source IN ('payment', 'refund', 'topup', 'withdrawal', 'payout',
                                                    'promo', 'referral', 'fee', 'penalty')),
    status          text NOT NULL DEFAULT 'completed' CHECK (status IN ('pending', 'completed', 'failed')),
    balance_after   numeric(12,2) CHECK (balance_after >= 0),
    ref_type        text,
    ref_id          uuid,
    description     text,
    idempotency_key text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT wallet_txns_ref_check CHECK ((ref_type IS NULL) = (ref_id IS NULL))
);
COMMENT ON COLUMN wallet_txns.ref_type IS 'what ref_id points at: payment, booking, payout, promo_redemption, referral';
CREATE UNIQUE INDEX ux_wallet_txns_wallet_idempotency_key ON wallet_txns (wallet_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX ix_wallet_txns_wallet_id_created_at ON wallet_txns (wallet_id, created_at);
CREATE INDEX ix_wallet_txns_status ON wallet_txns (status);
CREATE INDEX ix_wallet_txns_created_at ON wallet_txns (created_at);
CREATE INDEX ix_wallet_txns_ref ON wallet_txns (ref_type, ref_id);
CREATE TRIGGER trg_wallet_txns_updated_at BEFORE UPDATE ON wallet_txns
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback DROP TABLE wallet_txns;
