--liquibase formatted sql

--changeset allocar:051-user-devices
-- The app installs each account was seen on (issue 15 point 4): the X-Device-Id header of sign-up, sign-in and
-- referral use, kept as an HMAC (ALLOCAR_HASH_SECRET) so the table never holds the raw identifier. Two accounts seen
-- on one install cannot refer each other.
CREATE TABLE user_devices (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    device_hash   text NOT NULL CHECK (device_hash ~ '^[0-9a-f]{64}$'),
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ux_user_devices_device_hash_user_id UNIQUE (device_hash, user_id)
);
CREATE INDEX ix_user_devices_user_id ON user_devices (user_id);
--rollback DROP TABLE user_devices;

--changeset allocar:051-referral-outcomes
-- Why a referral was cancelled (fraud checks, an admin) and which ride rewarded it.
ALTER TABLE referrals ADD COLUMN cancel_reason text CHECK (length(cancel_reason) <= 500);
ALTER TABLE referrals ADD COLUMN rewarded_booking_id uuid REFERENCES bookings (id) ON DELETE RESTRICT;
ALTER TABLE referrals ADD CONSTRAINT referrals_cancelled_reason_check
    CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL));
-- GET /me/referrals lists a referrer's referrals newest first; the admin list filters by status and period.
DROP INDEX ix_referrals_referrer_id;
CREATE INDEX ix_referrals_referrer_id_created_at ON referrals (referrer_id, created_at);
CREATE INDEX ix_referrals_status_created_at ON referrals (status, created_at);
--rollback DROP INDEX ix_referrals_status_created_at; DROP INDEX ix_referrals_referrer_id_created_at; CREATE INDEX ix_referrals_referrer_id ON referrals (referrer_id); ALTER TABLE referrals DROP CONSTRAINT referrals_cancelled_reason_check; ALTER TABLE referrals DROP COLUMN rewarded_booking_id; ALTER TABLE referrals DROP COLUMN cancel_reason;

--changeset allocar:051-referral-settings
INSERT INTO settings (key, value, value_type, description) VALUES
    ('referrals.bonus_referrer', '1000', 'integer', 'Francs credited to the referrer''s wallet after the referee''s first completed ride (0: none)'),
    ('referrals.bonus_referee', '1000', 'integer', 'Francs credited to the referee''s wallet after their first completed ride (0: none)'),
    ('referrals.use_days', '7', 'integer', 'Days after sign-up within which a user may enter a referral code'),
    ('referrals.bonus_hold_days', '30', 'integer', 'Days a referral bonus can be spent on rides but not withdrawn')
ON CONFLICT (key) DO NOTHING;
--rollback DELETE FROM settings WHERE key IN ('referrals.bonus_referrer', 'referrals.bonus_referee', 'referrals.use_days', 'referrals.bonus_hold_days');
