--liquibase formatted sql

--changeset allocar:035-outbox-sensitive
-- A message that carries a secret (a verification code) is marked when it is queued; its text is erased as soon
-- as it is sent or given up, so the outbox does not keep codes in clear.
ALTER TABLE outbox_messages ADD COLUMN sensitive boolean NOT NULL DEFAULT false;
--rollback ALTER TABLE outbox_messages DROP COLUMN sensitive;

--changeset allocar:035-outbox-erase-old-codes
-- Codes queued before the column existed (the verification text of OtpService), erased once they are settled.
-- Their codes expired long ago; the erased texts cannot come back, so the rollback restores nothing.
UPDATE outbox_messages SET sensitive = true WHERE body LIKE 'AlloCar : votre code de vérification est %';
UPDATE outbox_messages SET body = NULL WHERE sensitive AND status IN ('sent', 'failed');
--rollback SELECT 1;

--changeset allocar:035-outbox-sensitive-erased
-- The database holds the rule, whatever code path settles a message.
ALTER TABLE outbox_messages ADD CONSTRAINT ck_outbox_messages_sensitive_erased
    CHECK (NOT sensitive OR status NOT IN ('sent', 'failed') OR body IS NULL);
--rollback ALTER TABLE outbox_messages DROP CONSTRAINT ck_outbox_messages_sensitive_erased;
