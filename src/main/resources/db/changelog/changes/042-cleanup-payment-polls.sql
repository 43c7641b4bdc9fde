--liquibase formatted sql

--changeset allocar:042-cleanup-payment-polls
-- The clean-up job deletes the poller's bookkeeping of attempts it stopped polling (036), past this retention.
INSERT INTO settings (key, value, value_type, description) VALUES
    ('cleanup.payment_poll_retention_days', '30', 'integer',
     'Days the payment poller''s record of an attempt it stopped polling is kept')
ON CONFLICT (key) DO NOTHING;
--rollback DELETE FROM settings WHERE key = 'cleanup.payment_poll_retention_days';

--changeset allocar:042-payment-polls-ended-index
CREATE INDEX ix_payment_attempt_polls_ended_at ON payment_attempt_polls (ended_at) WHERE ended_at IS NOT NULL;
--rollback DROP INDEX ix_payment_attempt_polls_ended_at;
