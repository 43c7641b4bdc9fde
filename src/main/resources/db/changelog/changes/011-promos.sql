--liquibase formatted sql

--changeset allocar:011-promos
CREATE TABLE promos (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code           text NOT NULL UNIQUE CHECK (code <> '' AND code = upper(code)),
    type           text NOT NULL CHECK (type IN ('amount', 'percent')),
    value          numeric(12,2) NOT NULL CHECK (value >= 0),
    max_uses       integer CHECK (max_uses >= 0),
    per_user_limit integer CHECK (per_user_limit >= 1),
    uses_count     integer NOT NULL DEFAULT 0 CHECK (uses_count >= 0),
    starts_at      timestamptz,
    ends_at        timestamptz,
    status         text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    description    text,
    version        bigint NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT promos_percent_check CHECK (type <> 'percent' OR value <= 100),
    CONSTRAINT promos_window_check CHECK (starts_at IS NULL OR ends_at IS NULL OR ends_at > starts_at),
    -- with a conditional "uses_count = uses_count + 1", the limit holds under concurrency
    CONSTRAINT promos_uses_check CHECK (max_uses IS NULL OR uses_count <= max_uses)
);
CREATE INDEX ix_promos_status ON promos (status);
CREATE INDEX ix_promos_created_at ON promos (created_at);
CREATE TRIGGER trg_promos_updated_at BEFORE UPDATE ON promos
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback DROP TABLE promos;

--changeset allocar:011-promo-redemptions
CREATE TABLE promo_redemptions (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    promo_id   uuid NOT NULL REFERENCES promos (id) ON DELETE RESTRICT,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    booking_id uuid NOT NULL REFERENCES bookings (id) ON DELETE RESTRICT,
    amount     numeric(12,2) NOT NULL CHECK (amount >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ux_promo_redemptions_promo_booking UNIQUE (promo_id, booking_id)
);
CREATE INDEX ix_promo_redemptions_promo_id_user_id ON promo_redemptions (promo_id, user_id);
CREATE INDEX ix_promo_redemptions_user_id ON promo_redemptions (user_id);
CREATE INDEX ix_promo_redemptions_booking_id ON promo_redemptions (booking_id);
CREATE INDEX ix_promo_redemptions_created_at ON promo_redemptions (created_at);
--rollback DROP TABLE promo_redemptions;
