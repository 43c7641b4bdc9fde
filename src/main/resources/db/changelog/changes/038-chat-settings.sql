--liquibase formatted sql

--changeset allocar:038-chat-settings
-- The chat's admin settings (SettingKey holds the same defaults, which also apply when a row is missing).
INSERT INTO settings (key, value, value_type, description) VALUES
    ('messages.per_minute', '20', 'integer',
     'Chat messages and image uploads one user may send per minute, all bookings together (0: no limit)'),
    ('messages.post_completion_days', '7', 'integer',
     'Days after a ride is completed during which its passenger and driver may still write to each other')
ON CONFLICT (key) DO NOTHING;
--rollback DELETE FROM settings WHERE updated_by IS NULL AND key IN ('messages.per_minute', 'messages.post_completion_days');
