--liquibase formatted sql

--changeset allocar:003-admin-users
CREATE TABLE admin_users (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email         text NOT NULL,
    password_hash text NOT NULL,
    role          text NOT NULL CHECK (role IN ('super', 'ops', 'support', 'finance', 'compliance')),
    is_active     boolean NOT NULL DEFAULT true,
    last_login_at timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ux_admin_users_email ON admin_users (lower(email));
CREATE INDEX ix_admin_users_created_at ON admin_users (created_at);
CREATE TRIGGER trg_admin_users_updated_at BEFORE UPDATE ON admin_users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback DROP TABLE admin_users;

--changeset allocar:003-users
CREATE TABLE users (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    phone                 text UNIQUE CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    email                 text CHECK (email LIKE '_%@_%'),
    password_hash         text,
    first_name            text,
    last_name             text,
    gender                text CHECK (gender IN ('female', 'male', 'other')),
    birthdate             date,
    photo_url             text,
    is_driver             boolean NOT NULL DEFAULT false,
    status                text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    suspended_at          timestamptz,
    is_phone_verified     boolean NOT NULL DEFAULT false,
    is_email_verified     boolean NOT NULL DEFAULT false,
    rating_avg            numeric(3,2) NOT NULL DEFAULT 0 CHECK (rating_avg BETWEEN 0 AND 5),
    rating_count          integer NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
    driver_penalty_points integer NOT NULL DEFAULT 0 CHECK (driver_penalty_points >= 0),
    referral_code         text UNIQUE,
    preferences           jsonb NOT NULL DEFAULT '{}'::jsonb,
    last_login_at         timestamptz,
    version               bigint NOT NULL DEFAULT 0,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_identifier_check CHECK (phone IS NOT NULL OR email IS NOT NULL),
    CONSTRAINT users_suspension_check CHECK ((status = 'suspended') = (suspended_at IS NOT NULL))
);
CREATE UNIQUE INDEX ux_users_email ON users (lower(email));
CREATE INDEX ix_users_created_at ON users (created_at);
CREATE INDEX ix_users_status ON users (status);
CREATE TRIGGER trg_users_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback DROP TABLE users;

--changeset allocar:003-kyc-documents
CREATE TABLE kyc_documents (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    doc_type    text NOT NULL CHECK (doc_type IN ('cni', 'passport', 'permis')),
    doc_number  text NOT NULL,
    front_key   text NOT NULL,
    back_key    text,
    status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    notes       text,
    reviewed_by uuid REFERENCES admin_users (id) ON DELETE RESTRICT,
    reviewed_at timestamptz,
    version     bigint NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT kyc_documents_review_check CHECK ((status = 'pending') = (reviewed_at IS NULL))
);
COMMENT ON COLUMN kyc_documents.front_key IS 'object key in the private KYC bucket; only short-lived presigned URLs leave the server';
CREATE INDEX ix_kyc_documents_user_id ON kyc_documents (user_id);
CREATE INDEX ix_kyc_documents_status_created_at ON kyc_documents (status, created_at);
CREATE INDEX ix_kyc_documents_created_at ON kyc_documents (created_at);
CREATE TRIGGER trg_kyc_documents_updated_at BEFORE UPDATE ON kyc_documents
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback DROP TABLE kyc_documents;

--changeset allocar:003-refresh-tokens
CREATE TABLE refresh_tokens (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       uuid REFERENCES users (id) ON DELETE CASCADE,
    admin_user_id uuid REFERENCES admin_users (id) ON DELETE CASCADE,
    family_id     uuid NOT NULL,
    token_hash    text NOT NULL UNIQUE,
    expires_at    timestamptz NOT NULL,
    rotated_at    timestamptz,
    revoked_at    timestamptz,
    replaced_by   uuid REFERENCES refresh_tokens (id) ON DELETE SET NULL,
    user_agent    text,
    ip            text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT refresh_tokens_owner_check CHECK (num_nonnulls(user_id, admin_user_id) = 1)
);
CREATE INDEX ix_refresh_tokens_family_id ON refresh_tokens (family_id);
CREATE INDEX ix_refresh_tokens_user_id ON refresh_tokens (user_id);
CREATE INDEX ix_refresh_tokens_admin_user_id ON refresh_tokens (admin_user_id);
CREATE INDEX ix_refresh_tokens_expires_at ON refresh_tokens (expires_at);
--rollback DROP TABLE refresh_tokens;

--changeset allocar:003-otp-codes
CREATE TABLE otp_codes (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    target      text NOT NULL,
    purpose     text NOT NULL CHECK (purpose IN ('verify_phone', 'verify_email', 'login', 'reset_password')),
    code_hash   text NOT NULL,
    expires_at  timestamptz NOT NULL,
    attempts    integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    consumed_at timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_otp_codes_target_created_at ON otp_codes (target, created_at);
CREATE INDEX ix_otp_codes_expires_at ON otp_codes (expires_at);
--rollback DROP TABLE otp_codes;
