--liquibase formatted sql

--changeset allocar:049-promo-rules
-- PROMO-1: a cap on a percent discount, a minimum fare, first ride only; the list filters on the window.
ALTER TABLE promos
    ADD COLUMN max_discount    numeric(12,2) CHECK (max_discount > 0),
    ADD COLUMN min_fare        numeric(12,2) CHECK (min_fare >= 0),
    ADD COLUMN first_ride_only boolean NOT NULL DEFAULT false;
CREATE INDEX ix_promos_starts_at ON promos (starts_at);
CREATE INDEX ix_promos_ends_at ON promos (ends_at);
--rollback DROP INDEX ix_promos_ends_at; DROP INDEX ix_promos_starts_at;
--rollback ALTER TABLE promos DROP COLUMN first_ride_only, DROP COLUMN min_fare, DROP COLUMN max_discount;

--changeset allocar:049-promo-redemption-states
-- A redemption is reserved at POST /payments/init, consumed when the payment is paid, released when it fails or is
-- refunded in full; a released one no longer counts, so the booking may reserve a code again (a new row).
ALTER TABLE promo_redemptions
    ADD COLUMN status         text NOT NULL DEFAULT 'reserved' CHECK (status IN ('reserved', 'consumed', 'released')),
    ADD COLUMN fare           numeric(12,2) CHECK (fare >= 0),
    ADD COLUMN consumed_at    timestamptz,
    ADD COLUMN released_at    timestamptz,
    ADD COLUMN release_reason text CHECK (char_length(release_reason) <= 100);
ALTER TABLE promo_redemptions DROP CONSTRAINT ux_promo_redemptions_promo_booking;
-- at most one live (reserved or consumed) redemption per booking: a retried init never reserves twice
CREATE UNIQUE INDEX ux_promo_redemptions_live_booking ON promo_redemptions (booking_id) WHERE status <> 'released';
CREATE INDEX ix_promo_redemptions_promo_id_status ON promo_redemptions (promo_id, status);
--rollback DROP INDEX ix_promo_redemptions_promo_id_status; DROP INDEX ux_promo_redemptions_live_booking;
--rollback ALTER TABLE promo_redemptions DROP COLUMN release_reason, DROP COLUMN released_at, DROP COLUMN consumed_at,
--rollback     DROP COLUMN fare, DROP COLUMN status;

--changeset allocar:049-payment-discount
-- The passenger pays amount = fare - discount; the platform bears the discount (docs/promos.md).
ALTER TABLE payments
    ADD COLUMN discount            numeric(12,2) NOT NULL DEFAULT 0 CHECK (discount >= 0),
    ADD COLUMN promo_redemption_id uuid REFERENCES promo_redemptions (id) ON DELETE RESTRICT;
ALTER TABLE payments ADD CONSTRAINT payments_discount_redemption_check CHECK (discount = 0 OR promo_redemption_id IS NOT NULL);
CREATE INDEX ix_payments_promo_redemption_id ON payments (promo_redemption_id) WHERE promo_redemption_id IS NOT NULL;
--rollback DROP INDEX ix_payments_promo_redemption_id;
--rollback ALTER TABLE payments DROP CONSTRAINT payments_discount_redemption_check, DROP COLUMN promo_redemption_id, DROP COLUMN discount;
