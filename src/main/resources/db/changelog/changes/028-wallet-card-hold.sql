--liquibase formatted sql

--changeset allocar:028-wallet-txns-hold-until
-- Issue 12: a card top-up can be refunded or charged back for weeks; until hold_until its credit counts in the
-- balance (it can pay bookings) but not in what can be withdrawn.
ALTER TABLE wallet_txns ADD COLUMN hold_until timestamptz;
CREATE INDEX ix_wallet_txns_wallet_id_hold_until ON wallet_txns (wallet_id, hold_until) WHERE hold_until IS NOT NULL;
--rollback DROP INDEX ix_wallet_txns_wallet_id_hold_until; ALTER TABLE wallet_txns DROP COLUMN hold_until;

--changeset allocar:028-wallet-debts
-- What a reversed top-up (refund, chargeback) could not take back because the credit was already spent: the
-- balance never goes negative, the rest is owed. While a debt is open the wallet pays nothing out; finance
-- resolves it (recovered or written off).
CREATE TABLE wallet_debts (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    payment_id      uuid NOT NULL REFERENCES payments (id) ON DELETE RESTRICT,
    amount          numeric(12,2) NOT NULL CHECK (amount > 0 AND amount = trunc(amount)),
    reason          text NOT NULL CHECK (reason IN ('topup_refunded', 'topup_disputed')),
    cause_key       text NOT NULL,
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'recovered', 'written_off')),
    resolved_by     uuid REFERENCES admin_users (id) ON DELETE RESTRICT,
    resolved_at     timestamptz,
    resolution_note text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ux_wallet_debts_cause_key UNIQUE (cause_key),
    CONSTRAINT wallet_debts_resolved_check CHECK ((status = 'open') = (resolved_at IS NULL))
);
COMMENT ON COLUMN wallet_debts.cause_key IS 'the reversal that made it (provider event), so one event makes one debt';
CREATE INDEX ix_wallet_debts_user_id_status ON wallet_debts (user_id, status);
CREATE INDEX ix_wallet_debts_payment_id ON wallet_debts (payment_id);
CREATE INDEX ix_wallet_debts_status_created_at ON wallet_debts (status, created_at);
CREATE TRIGGER trg_wallet_debts_updated_at BEFORE UPDATE ON wallet_debts
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback DROP TABLE wallet_debts;

--changeset allocar:028-setting-card-hold-days
INSERT INTO settings (key, value, value_type, description) VALUES
    ('wallet.card_hold_days', '7', 'integer',
     'Days a card top-up stays on hold: it can pay bookings but cannot be withdrawn (refunds and chargebacks)')
ON CONFLICT (key) DO NOTHING;
--rollback DELETE FROM settings WHERE updated_by IS NULL AND key = 'wallet.card_hold_days';
