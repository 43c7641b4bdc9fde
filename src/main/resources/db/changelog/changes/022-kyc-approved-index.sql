--liquibase formatted sql

--changeset allocar:022-kyc-approved-index
-- "Is this driver verified?" (search results, trip views) asks for an approved document of one user: a partial
-- index answers it in one probe, where (status, created_at) would read every approved document.
CREATE INDEX ix_kyc_documents_user_id_approved ON kyc_documents (user_id) WHERE status = 'approved';
--rollback DROP INDEX ix_kyc_documents_user_id_approved;
