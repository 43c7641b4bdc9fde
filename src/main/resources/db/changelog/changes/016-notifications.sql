--liquibase formatted sql

--changeset allocar:016-outbox-messages
CREATE TABLE outbox_messages (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    channel         text NOT NULL CHECK (channel IN ('sms', 'email', 'push')),
    recipient       text NOT NULL,
    subject         text,
    body            text,
    payload         jsonb,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX ix_outbox_messages_due ON outbox_messages (next_attempt_at) WHERE status = 'pending';
CREATE INDEX ix_outbox_messages_status ON outbox_messages (status);
CREATE INDEX ix_outbox_messages_created_at ON outbox_messages (created_at);
--rollback DROP TABLE outbox_messages;

--changeset allocar:016-device-tokens
CREATE TABLE device_tokens (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    platform     text NOT NULL CHECK (platform IN ('android', 'ios', 'web')),
    token        text NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_device_tokens_user_id ON device_tokens (user_id);
--rollback DROP TABLE device_tokens;
