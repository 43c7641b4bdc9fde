--liquibase formatted sql

--changeset allocar:048-dispute-settings
-- The disputes' admin settings (SettingKey holds the same defaults, which also apply when a row is missing).
INSERT INTO settings (key, value, value_type, description) VALUES
    ('disputes.window_days', '30', 'integer',
     'Days after a trip''s departure (or its ride''s completion, when later) during which its passenger or driver may open a dispute')
ON CONFLICT (key) DO NOTHING;
--rollback DELETE FROM settings WHERE updated_by IS NULL AND key = 'disputes.window_days';
