--liquibase formatted sql

--changeset allocar:010-ratings
CREATE TABLE ratings (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    booking_id   uuid NOT NULL REFERENCES bookings (id) ON DELETE RESTRICT,
    from_user_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    to_user_id   uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    stars        integer NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment      text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ux_ratings_booking_from_to UNIQUE (booking_id, from_user_id, to_user_id),
    CONSTRAINT ratings_not_self_check CHECK (from_user_id <> to_user_id)
);
CREATE INDEX ix_ratings_to_user_id_created_at ON ratings (to_user_id, created_at);
CREATE INDEX ix_ratings_from_user_id ON ratings (from_user_id);
CREATE INDEX ix_ratings_created_at ON ratings (created_at);
--rollback DROP TABLE ratings;
