--liquibase formatted sql

--changeset allocar:013-disputes
CREATE TABLE disputes (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    booking_id  uuid NOT NULL REFERENCES bookings (id) ON DELETE RESTRICT,
    opened_by   uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    category    text NOT NULL CHECK (category IN ('payment', 'cancellation', 'no_show', 'behaviour', 'safety',
                                                  'lost_item', 'other')),
    description text NOT NULL,
    status      text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_review', 'resolved', 'rejected')),
    resolution  text,
    resolved_by uuid REFERENCES admin_users (id) ON DELETE RESTRICT,
    resolved_at timestamptz,
    version     bigint NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT disputes_resolution_check CHECK ((status IN ('resolved', 'rejected')) = (resolved_at IS NOT NULL))
);
CREATE INDEX ix_disputes_booking_id ON disputes (booking_id);
CREATE INDEX ix_disputes_opened_by ON disputes (opened_by);
CREATE INDEX ix_disputes_status_created_at ON disputes (status, created_at);
CREATE INDEX ix_disputes_created_at ON disputes (created_at);
CREATE TRIGGER trg_disputes_updated_at BEFORE UPDATE ON disputes
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback DROP TABLE disputes;
