--liquibase formatted sql

--changeset allocar:001-postgis
--comment: PostGIS is not a trusted extension: a superuser creates it before the application first runs, so this is a no-op
CREATE EXTENSION IF NOT EXISTS postgis;
--rollback empty
