--liquibase formatted sql

--changeset allocar:004-vehicles
CREATE TABLE vehicles (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    make          text NOT NULL,
    model         text NOT NULL,
    color         text,
    plate_number  text NOT NULL UNIQUE,
    seats_total   integer NOT NULL CHECK (seats_total >= 1),
    comfort_level text NOT NULL DEFAULT 'standard' CHECK (comfort_level IN ('basic', 'standard', 'comfort')),
    year          integer CHECK (year BETWEEN 1950 AND 2100),
    verified      boolean NOT NULL DEFAULT false,
    version       bigint NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_vehicles_user_id ON vehicles (user_id);
CREATE INDEX ix_vehicles_created_at ON vehicles (created_at);
CREATE TRIGGER trg_vehicles_updated_at BEFORE UPDATE ON vehicles
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback DROP TABLE vehicles;
