--liquibase formatted sql

--changeset allocar:026-jbatch-schema
-- Liberty's Jakarta Batch job repository (batchPersistence/databaseStore in liberty/server.xml) keeps job instances,
-- executions, step executions and checkpoints in this schema; Liberty creates its tables there on first use. A
-- schema of its own keeps them apart from ours (and out of pg_dump --schema=public restores of the product data).
CREATE SCHEMA IF NOT EXISTS jbatch;
-- Not dropped on rollback: once used it holds Liberty's job history, which outlives this changeset (and a rollback
-- test on another schema must not take the running server's repository with it). Drop it by hand if wanted.
--rollback SELECT 1;

--changeset allocar:026-job-firings
-- One row per scheduled firing of a job (job name + the cron time it was due). Every instance's scheduler tries to
-- insert it; the one whose insert wins starts the job, so a firing runs once however many instances are up.
CREATE TABLE job_firings (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    job_name     text        NOT NULL,
    due_at       timestamptz NOT NULL,
    instance     text        NOT NULL,
    outcome      text        NOT NULL DEFAULT 'starting' CHECK (outcome IN ('starting', 'started', 'skipped', 'failed')),
    execution_id bigint,
    detail       text,
    claimed_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ux_job_firings_job_name_due_at UNIQUE (job_name, due_at)
);
CREATE INDEX ix_job_firings_claimed_at ON job_firings (claimed_at);
--rollback DROP TABLE job_firings;

--changeset allocar:026-jobs-settings
-- JOB-1..JOB-3: when the jobs run (cron expressions, UTC, with seconds: "s m h dom mon dow") and what the clean-up
-- job keeps.
INSERT INTO settings (key, value, value_type, description) VALUES
    ('jobs.payouts.cron', '"0 0 6 * * *"', 'string', 'When the driver payouts job runs (cron, UTC)'),
    ('jobs.reconciliation.cron', '"0 0 2 * * *"', 'string', 'When the daily payment reconciliation runs (cron, UTC)'),
    ('jobs.cleanup.cron', '"0 15 * * * *"', 'string', 'When the clean-up job runs (cron, UTC)'),
    ('cleanup.otp_retention_hours', '48', 'integer', 'Hours an expired one-time code is kept before clean-up'),
    ('cleanup.refresh_token_retention_days', '30', 'integer',
     'Days an expired refresh token is kept before clean-up'),
    ('cleanup.webhook_retention_days', '90', 'integer',
     'Days a processed provider notification (webhook inbox) is kept before clean-up'),
    ('cleanup.outbox_retention_days', '30', 'integer', 'Days a sent notification is kept before clean-up'),
    ('cleanup.job_firing_retention_days', '30', 'integer', 'Days a scheduled job firing record is kept')
ON CONFLICT (key) DO NOTHING;
--rollback DELETE FROM settings WHERE key LIKE 'jobs.%' OR key LIKE 'cleanup.%';

--changeset allocar:026-outbox-sent-index
-- The clean-up job deletes sent notifications by the time they were sent.
CREATE INDEX ix_outbox_messages_sent_at ON outbox_messages (sent_at) WHERE status = 'sent';
--rollback DROP INDEX ix_outbox_messages_sent_at;
