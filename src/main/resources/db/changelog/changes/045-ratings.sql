--liquibase formatted sql

--changeset allocar:045-ratings-double-blind
-- RATE-1 (docs/ratings.md): the rated party's role, tags from a closed catalogue, the double-blind reveal and comment
-- moderation. A rating with revealed_at NULL is seen by its author only; users.rating_avg/rating_count count
-- revealed ratings only. Ratings made before this change were public: they count as revealed.
ALTER TABLE ratings
    ADD COLUMN role                  text,
    ADD COLUMN tags                  text[] NOT NULL DEFAULT '{}',
    ADD COLUMN revealed_at           timestamptz,
    ADD COLUMN comment_hidden        boolean NOT NULL DEFAULT false,
    ADD COLUMN comment_hidden_reason text,
    ADD COLUMN comment_hidden_by     uuid REFERENCES admin_users (id) ON DELETE RESTRICT,
    ADD COLUMN comment_hidden_at     timestamptz;
UPDATE ratings r
SET role = CASE WHEN t.driver_id = r.to_user_id THEN 'as_driver' ELSE 'as_passenger' END,
    revealed_at = r.created_at
FROM bookings b
JOIN trips t ON t.id = b.trip_id
WHERE b.id = r.booking_id;
ALTER TABLE ratings
    ALTER COLUMN role SET NOT NULL,
    ADD CONSTRAINT ratings_role_check CHECK (role IN ('as_driver', 'as_passenger')),
    ADD CONSTRAINT ratings_comment_length_check CHECK (char_length(comment) BETWEEN 1 AND 1000),
    ADD CONSTRAINT ratings_tags_count_check CHECK (cardinality(tags) <= 5),
    ADD CONSTRAINT ratings_comment_hidden_check
        CHECK (NOT comment_hidden OR (comment_hidden_reason IS NOT NULL AND comment_hidden_at IS NOT NULL));
-- the public list (newest first) and the average, read from the index alone
CREATE INDEX ix_ratings_visible_to_user ON ratings (to_user_id, created_at DESC, id) INCLUDE (stars)
    WHERE revealed_at IS NOT NULL;
-- the reveal sweep reads the blind ratings only (at most one rating window of them)
CREATE INDEX ix_ratings_blind_booking ON ratings (booking_id) WHERE revealed_at IS NULL;
-- moderation filters
CREATE INDEX ix_ratings_comment_hidden_created_at ON ratings (created_at) WHERE comment_hidden;
CREATE INDEX ix_ratings_stars_created_at ON ratings (stars, created_at);
-- a passenger's completed rides within the rating window (GET /me/ratings/pending)
CREATE INDEX ix_bookings_passenger_completed_at ON bookings (passenger_id, completed_at) WHERE status = 'completed';
--rollback DROP INDEX ix_bookings_passenger_completed_at;
--rollback DROP INDEX ix_ratings_stars_created_at;
--rollback DROP INDEX ix_ratings_comment_hidden_created_at;
--rollback DROP INDEX ix_ratings_blind_booking;
--rollback DROP INDEX ix_ratings_visible_to_user;
--rollback ALTER TABLE ratings DROP CONSTRAINT ratings_comment_hidden_check, DROP CONSTRAINT ratings_tags_count_check,
--rollback     DROP CONSTRAINT ratings_comment_length_check, DROP CONSTRAINT ratings_role_check, DROP COLUMN comment_hidden_at,
--rollback     DROP COLUMN comment_hidden_by, DROP COLUMN comment_hidden_reason, DROP COLUMN comment_hidden,
--rollback     DROP COLUMN revealed_at, DROP COLUMN tags, DROP COLUMN role;

--changeset allocar:045-ratings-settings
INSERT INTO settings (key, value, value_type, description) VALUES
    ('ratings.window_days', '14', 'integer',
     'Days after a ride''s completion during which its passenger and driver may rate each other; a blind rating is revealed when they end')
ON CONFLICT (key) DO NOTHING;
--rollback DELETE FROM settings WHERE updated_by IS NULL AND key = 'ratings.window_days';

--changeset allocar:045-ratings-search-sync splitStatements:false rollbackSplitStatements:false
-- A new rating average changes one column of the driver's search legs: update it in place (same transaction) rather
-- than rebuilding every leg of every published trip of the driver; a status change still rebuilds them.
CREATE OR REPLACE FUNCTION users_search_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        PERFORM trip_search_refresh(ARRAY(
            SELECT id FROM trips WHERE driver_id = NEW.id AND status = 'published'));
    ELSE
        UPDATE trip_search_legs SET driver_rating = NEW.rating_avg
        WHERE trip_id IN (SELECT id FROM trips WHERE driver_id = NEW.id AND status = 'published');
    END IF;
    RETURN NULL;
END;
$$;
--rollback CREATE OR REPLACE FUNCTION users_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM trip_search_refresh(ARRAY(SELECT id FROM trips WHERE driver_id = NEW.id AND status = 'published')); RETURN NULL; END; $$;
