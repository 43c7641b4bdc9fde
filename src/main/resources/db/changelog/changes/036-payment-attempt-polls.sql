--liquibase formatted sql

--changeset allocar:036-payment-attempt-polls
-- Issue 13, point 3a: the poller re-reads from its provider every attempt still waiting for the provider's word
-- (opening, open, superseded) once it is ALLOCAR_PAYMENT_POLL_AFTER_SECONDS old, so a lost notification is repaired
-- within minutes. Its bookkeeping lives beside the attempt, not on it: a poll changes nothing of the attempt's money
-- state (nor its updated_at, nor its version). next_poll_at is also the claim: a poller pushes it a lease ahead
-- before calling the provider (FOR UPDATE SKIP LOCKED picks the row), so two instances never poll one attempt at once.
CREATE TABLE payment_attempt_polls (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    attempt_id     uuid NOT NULL REFERENCES payment_attempts (id) ON DELETE CASCADE,
    next_poll_at   timestamptz NOT NULL,
    polls          integer NOT NULL DEFAULT 0 CHECK (polls >= 0),
    last_polled_at timestamptz,
    last_outcome   text,
    ended_at       timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ux_payment_attempt_polls_attempt UNIQUE (attempt_id)
);
COMMENT ON TABLE payment_attempt_polls IS 'when the poller next asks the provider about an attempt still waiting for its word (issue 13, point 3a); ended once the attempt is settled or past its expiry';
COMMENT ON COLUMN payment_attempt_polls.next_poll_at IS 'due from then; while a poller works on the attempt, the end of its lease';
COMMENT ON COLUMN payment_attempt_polls.last_outcome IS 'what the last poll gave: pending, applied, already_applied, mismatch, needs_review, unavailable, not_found, refused, no_reference, error; gave_up:<outcome> when polling stopped past the expiry';
COMMENT ON COLUMN payment_attempt_polls.ended_at IS 'no more polls: the provider gave a final answer, the attempt was settled otherwise, or it stayed pending past its expiry (the daily reconciliation looks at it)';
CREATE INDEX ix_payment_attempt_polls_due ON payment_attempt_polls (next_poll_at) WHERE ended_at IS NULL;
--rollback DROP TABLE payment_attempt_polls;

--changeset allocar:036-payment-attempt-polls-backfill
-- the attempts waiting at deployment are looked at in the first round
INSERT INTO payment_attempt_polls (attempt_id, next_poll_at)
SELECT id, now() FROM payment_attempts WHERE status IN ('opening', 'open', 'superseded');
--rollback DELETE FROM payment_attempt_polls;
