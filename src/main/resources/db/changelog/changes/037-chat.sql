--liquibase formatted sql

--changeset allocar:037-messages-seq
-- Chat over REST (MSG-1, issue 14): each booking's messages are numbered 1, 2, 3 … in the order they were
-- committed (a message is written under its booking's row lock, so numbers never go back in time). Pages, their
-- cursors and read receipts ("up to this message") use the number; timestamps can tie or go back with a clock.
ALTER TABLE messages ADD COLUMN seq bigint;
UPDATE messages m SET seq = n.seq
  FROM (SELECT id, row_number() OVER (PARTITION BY booking_id ORDER BY created_at, id) AS seq FROM messages) n
 WHERE n.id = m.id;
ALTER TABLE messages ALTER COLUMN seq SET NOT NULL;
ALTER TABLE messages ADD CONSTRAINT messages_seq_check CHECK (seq >= 1);
ALTER TABLE messages ADD CONSTRAINT ux_messages_booking_id_seq UNIQUE (booking_id, seq);
--rollback ALTER TABLE messages DROP COLUMN seq;

--changeset allocar:037-messages-paging-index
-- The unique (booking_id, seq) index serves the pages, newest first; the old (booking_id, created_at) one serves
-- nothing any more.
DROP INDEX ix_messages_booking_id_created_at;
--rollback CREATE INDEX ix_messages_booking_id_created_at ON messages (booking_id, created_at);

--changeset allocar:037-messages-read-at
-- Read receipts: when the recipient (the booking's other party) read the message; set once, never cleared.
ALTER TABLE messages ADD COLUMN read_at timestamptz;
-- Unread counts per booking for one reader (the messages of the other party not yet read), for a page of
-- bookings in one grouped query.
CREATE INDEX ix_messages_unread ON messages (booking_id, from_user_id) WHERE read_at IS NULL;
--rollback DROP INDEX ix_messages_unread; ALTER TABLE messages DROP COLUMN read_at;

--changeset allocar:037-messages-masked
-- Whether phone numbers or e-mail addresses were masked in the text when it was written (before the booking was
-- paid, anti-disintermediation): the stored text is the masked one; the flag lets the apps say so.
ALTER TABLE messages ADD COLUMN masked boolean NOT NULL DEFAULT false;
--rollback ALTER TABLE messages DROP COLUMN masked;

--changeset allocar:037-messages-image-once
-- An uploaded image (its object key, chat/{booking}/{sender}/{uuid}.{ext}) is sent as one message only.
CREATE UNIQUE INDEX ux_messages_image_content ON messages (content) WHERE type = 'image';
--rollback DROP INDEX ux_messages_image_content;
