--liquibase formatted sql

--changeset allocar:015-audit-logs
CREATE TABLE audit_logs (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    actor_type text NOT NULL CHECK (actor_type IN ('user', 'admin', 'system')),
    actor_id   uuid,
    action     text NOT NULL,
    entity     text NOT NULL,
    entity_id  uuid,
    meta       jsonb,
    request_id text,
    ip         text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT audit_logs_actor_check CHECK (actor_type = 'system' OR actor_id IS NOT NULL)
);
CREATE INDEX ix_audit_logs_entity_entity_id ON audit_logs (entity, entity_id);
CREATE INDEX ix_audit_logs_actor_created_at ON audit_logs (actor_type, actor_id, created_at);
CREATE INDEX ix_audit_logs_created_at ON audit_logs (created_at);
--rollback DROP TABLE audit_logs;

--changeset allocar:015-settings
CREATE TABLE settings (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    key         text NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9_.]*$'),
    value       jsonb NOT NULL,
    value_type  text NOT NULL CHECK (value_type IN ('string', 'integer', 'decimal', 'bool', 'json')),
    description text,
    updated_by  uuid REFERENCES admin_users (id) ON DELETE RESTRICT,
    version     bigint NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT settings_value_matches_type_check CHECK (
        value_type = 'json'
        OR (value_type = 'string' AND jsonb_typeof(value) = 'string')
        OR (value_type = 'integer' AND jsonb_typeof(value) = 'number' AND value::text ~ '^-?[0-9]+$')
        OR (value_type = 'decimal' AND jsonb_typeof(value) = 'number')
        OR (value_type = 'bool' AND jsonb_typeof(value) = 'boolean'))
);
CREATE TRIGGER trg_settings_updated_at BEFORE UPDATE ON settings
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback DROP TABLE settings;

--changeset allocar:015-idempotency-keys
CREATE TABLE idempotency_keys (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    scope            text NOT NULL,
    idem_key         text NOT NULL,
    request_hash     text NOT NULL,
    status           text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed')),
    response_status  integer,
    response_body    text,
    response_headers jsonb,
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL,
    locked_until     timestamptz,
    CONSTRAINT ux_idempotency_keys_scope_idem_key UNIQUE (scope, idem_key)
);
CREATE INDEX ix_idempotency_keys_expires_at ON idempotency_keys (expires_at);
--rollback DROP TABLE idempotency_keys;
