--liquibase formatted sql

--changeset allocar:040-users-language
-- The language a user reads notifications in (fr first, en); the templates of docs/notifications.md exist in both.
ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'fr' CONSTRAINT ck_users_language CHECK (language IN ('fr', 'en'));
--rollback ALTER TABLE users DROP COLUMN language;

--changeset allocar:040-outbox-dedupe
-- A notification's outbox rows carry the event that caused them and the user they are for; dedupe_key
-- (event|user|channel, plus the device for push) is unique, so one event reaches a user at most once per channel,
-- whoever enqueues it (the cause's transaction, or the worker falling back from push to SMS).
ALTER TABLE outbox_messages ADD COLUMN dedupe_key text, ADD COLUMN event_key text, ADD COLUMN user_id uuid;
CREATE UNIQUE INDEX ux_outbox_messages_dedupe_key ON outbox_messages (dedupe_key);
CREATE INDEX ix_outbox_messages_event ON outbox_messages (event_key, user_id) WHERE event_key IS NOT NULL;
--rollback DROP INDEX ix_outbox_messages_event;
--rollback DROP INDEX ux_outbox_messages_dedupe_key;
--rollback ALTER TABLE outbox_messages DROP COLUMN user_id, DROP COLUMN event_key, DROP COLUMN dedupe_key;

--changeset allocar:040-notification-events
-- One row per (event, user) notified: the first transaction to write it sends the notification, any later one
-- (a retried cause, another instance's reminder sweep) finds it and sends nothing.
CREATE TABLE notification_events (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    event_key  text NOT NULL CHECK (length(event_key) BETWEEN 1 AND 200),
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ux_notification_events_event_user UNIQUE (event_key, user_id)
);
CREATE INDEX ix_notification_events_created_at ON notification_events (created_at);
CREATE INDEX ix_notification_events_user_id ON notification_events (user_id);
--rollback DROP TABLE notification_events;

--changeset allocar:040-notification-preferences
-- A user's channels and quiet hours; no row means every channel on and no quiet hours, in Africa/Abidjan.
CREATE TABLE notification_preferences (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             uuid NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    push                boolean NOT NULL DEFAULT true,
    sms                 boolean NOT NULL DEFAULT true,
    email               boolean NOT NULL DEFAULT true,
    quiet_hours_enabled boolean NOT NULL DEFAULT false,
    quiet_start         time,
    quiet_end           time,
    time_zone           text NOT NULL DEFAULT 'Africa/Abidjan' CHECK (length(time_zone) BETWEEN 1 AND 64),
    version             bigint NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ck_notification_preferences_quiet
        CHECK (NOT quiet_hours_enabled OR (quiet_start IS NOT NULL AND quiet_end IS NOT NULL AND quiet_start <> quiet_end))
);
--rollback DROP TABLE notification_preferences;
