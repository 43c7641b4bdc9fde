--liquibase formatted sql

--changeset allocar:025-payment-attempts-opening-until
-- The lease of an init calling the provider for an attempt: until then a concurrent init gets 409 attempt_opening.
-- It was read from updated_at, which no one could shorten: after a provider's 503 the payer's retry was refused for
-- 30 s although nothing was calling any more. The call's end now gives the lease back (every provider call is safe
-- to repeat under the attempt's reference).
ALTER TABLE payment_attempts ADD COLUMN opening_until timestamptz;
COMMENT ON COLUMN payment_attempts.opening_until IS 'while status = opening: an init is calling the provider until then (null or past: a retry may call again)';
--rollback ALTER TABLE payment_attempts DROP COLUMN opening_until;
