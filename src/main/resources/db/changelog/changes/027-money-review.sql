--liquibase formatted sql

--changeset allocar:027-payment-refunds-review
-- Issue 12: a provider refund whose outcome is uncertain (an earlier send went unanswered, the next one was
-- refused) waits for finance (needs_review) instead of failing and becoming refundable again; a refund that no
-- provider can make while the wallet is off goes the MANUAL route (finance pays it out), never to the wallet.
ALTER TABLE payment_refunds DROP CONSTRAINT payment_refunds_status_check;
ALTER TABLE payment_refunds ADD CONSTRAINT payment_refunds_status_check
    CHECK (status IN ('pending', 'completed', 'failed', 'needs_review'));
ALTER TABLE payment_refunds DROP CONSTRAINT payment_refunds_route_check;
ALTER TABLE payment_refunds ADD CONSTRAINT payment_refunds_route_check CHECK (route IN ('WALLET', 'ORIGINAL', 'MANUAL'));
ALTER TABLE payment_refunds ADD COLUMN resolved_by uuid REFERENCES admin_users (id) ON DELETE RESTRICT;
ALTER TABLE payment_refunds ADD COLUMN resolved_at timestamptz;
ALTER TABLE payment_refunds ADD COLUMN resolution_note text;
-- finance's queue
CREATE INDEX ix_payment_refunds_status_created_at ON payment_refunds (status, created_at);
--rollback DROP INDEX ix_payment_refunds_status_created_at;
--rollback ALTER TABLE payment_refunds DROP COLUMN resolution_note; ALTER TABLE payment_refunds DROP COLUMN resolved_at; ALTER TABLE payment_refunds DROP COLUMN resolved_by;
--rollback ALTER TABLE payment_refunds DROP CONSTRAINT payment_refunds_route_check; ALTER TABLE payment_refunds ADD CONSTRAINT payment_refunds_route_check CHECK (route IN ('WALLET', 'ORIGINAL'));
--rollback ALTER TABLE payment_refunds DROP CONSTRAINT payment_refunds_status_check; ALTER TABLE payment_refunds ADD CONSTRAINT payment_refunds_status_check CHECK (status IN ('pending', 'completed', 'failed'));

--changeset allocar:027-wallet-withdrawals-review
-- Issue 12: a withdrawal whose payout may have been made (an earlier send went unanswered, the next one was
-- refused) waits for finance (needs_review): neither retried nor credited back until finance resolves it.
ALTER TABLE wallet_withdrawals DROP CONSTRAINT wallet_withdrawals_status_check;
ALTER TABLE wallet_withdrawals ADD CONSTRAINT wallet_withdrawals_status_check
    CHECK (status IN ('requested', 'processing', 'needs_review', 'done', 'failed'));
ALTER TABLE wallet_withdrawals ADD COLUMN resolved_by uuid REFERENCES admin_users (id) ON DELETE RESTRICT;
ALTER TABLE wallet_withdrawals ADD COLUMN resolved_at timestamptz;
ALTER TABLE wallet_withdrawals ADD COLUMN resolution_note text;
--rollback ALTER TABLE wallet_withdrawals DROP COLUMN resolution_note; ALTER TABLE wallet_withdrawals DROP COLUMN resolved_at; ALTER TABLE wallet_withdrawals DROP COLUMN resolved_by;
--rollback ALTER TABLE wallet_withdrawals DROP CONSTRAINT wallet_withdrawals_status_check; ALTER TABLE wallet_withdrawals ADD CONSTRAINT wallet_withdrawals_status_check CHECK (status IN ('requested', 'processing', 'done', 'failed'));
