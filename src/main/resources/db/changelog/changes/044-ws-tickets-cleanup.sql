--liquibase formatted sql

--changeset allocar:044-ws-tickets-expires-index
-- The clean-up job deletes socket tickets an hour after they expired (used or not), by their expiry.
CREATE INDEX ix_ws_tickets_expires_at ON ws_tickets (expires_at);
--rollback DROP INDEX ix_ws_tickets_expires_at;
