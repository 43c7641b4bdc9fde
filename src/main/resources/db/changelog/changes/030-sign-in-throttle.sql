--liquibase formatted sql

--changeset allocar:030-sign-in-throttle
-- Sign-in attempts per identifier (user phone/address or admin address, canonical form), so a password-guessing
-- back-off holds across instances and restarts: one row per identifier with attempts in the current window, and
-- the end of its lock. Written by single conditional statements (INSERT … ON CONFLICT … WHERE), never read-then-write.
CREATE TABLE sign_in_throttle (
    id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    scope             text        NOT NULL CHECK (scope IN ('user', 'admin')),
    identifier        text        NOT NULL,
    attempts          integer     NOT NULL CHECK (attempts >= 0),
    window_started_at timestamptz NOT NULL,
    locked_until      timestamptz,
    CONSTRAINT ux_sign_in_throttle_scope_identifier UNIQUE (scope, identifier)
);
--rollback DROP TABLE sign_in_throttle;

--changeset allocar:030-sign-in-throttle-window-index
-- The periodic purge of rows whose window and lock are over.
CREATE INDEX ix_sign_in_throttle_window_started_at ON sign_in_throttle (window_started_at);
--rollback DROP INDEX ix_sign_in_throttle_window_started_at;
