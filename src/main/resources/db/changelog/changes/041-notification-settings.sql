--liquibase formatted sql

--changeset allocar:041-notification-settings
-- The notification settings (SettingKey holds the same defaults, which also apply when a row is missing).
INSERT INTO settings (key, value, value_type, description) VALUES
    ('notifications.max_devices', '5', 'integer',
     'Push devices one user may register; registering one more forgets the one seen least recently'),
    ('notifications.chat_coalesce_minutes', '5', 'integer',
     'At most one chat notification per booking and recipient within this many minutes')
ON CONFLICT (key) DO NOTHING;
--rollback DELETE FROM settings WHERE updated_by IS NULL AND key IN ('notifications.max_devices', 'notifications.chat_coalesce_minutes');
