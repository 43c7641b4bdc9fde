--liquibase formatted sql

--changeset allocar:002-set-updated-at splitStatements:false
--comment: updated_at on every UPDATE: JPA sets it itself (kept); any other UPDATE (conditional SQL) gets now()
CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END;
$$;
--rollback DROP FUNCTION set_updated_at();
