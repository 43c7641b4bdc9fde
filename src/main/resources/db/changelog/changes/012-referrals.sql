--liquibase formatted sql

--changeset allocar:012-referrals
CREATE TABLE referrals (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    referrer_id    uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    referee_id     uuid NOT NULL UNIQUE REFERENCES users (id) ON DELETE RESTRICT,
    bonus_referrer numeric(12,2) NOT NULL DEFAULT 0 CHECK (bonus_referrer >= 0),
    bonus_referee  numeric(12,2) NOT NULL DEFAULT 0 CHECK (bonus_referee >= 0),
    status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'rewarded', 'cancelled')),
    rewarded_at    timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT referrals_not_self_check CHECK (referrer_id <> referee_id),
    CONSTRAINT referrals_rewarded_check CHECK ((status = 'rewarded') = (rewarded_at IS NOT NULL))
);
CREATE INDEX ix_referrals_referrer_id ON referrals (referrer_id);
CREATE INDEX ix_referrals_status ON referrals (status);
CREATE INDEX ix_referrals_created_at ON referrals (created_at);
CREATE TRIGGER trg_referrals_updated_at BEFORE UPDATE ON referrals
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback DROP TABLE referrals;
