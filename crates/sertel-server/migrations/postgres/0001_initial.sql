-- Sertel server schema (PostgreSQL). Keep in step with migrations/sqlite/0001_initial.sql.
-- Timestamps are RFC 3339 UTC text; ids are random hex text.

CREATE TABLE audit_head (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    last_seq BIGINT NOT NULL,
    last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE audit (
    seq BIGINT PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    data TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit
FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('owner', 'verifier_badan', 'verifier_dinas', 'admin')),
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    full_name TEXT NOT NULL,
    nip TEXT UNIQUE,
    nik TEXT UNIQUE,
    title TEXT,
    unit TEXT,
    rank TEXT,
    phone TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE applications (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES users (id),
    state TEXT NOT NULL,
    revision BIGINT NOT NULL,
    csr_der BYTEA NOT NULL,
    key_kind TEXT NOT NULL,
    consent_version TEXT NOT NULL,
    consent_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX applications_owner ON applications (owner_id);
CREATE INDEX applications_state ON applications (state);

CREATE TABLE application_documents (
    application_id TEXT NOT NULL REFERENCES applications (id),
    kind TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size BIGINT NOT NULL,
    media_type TEXT NOT NULL,
    PRIMARY KEY (application_id, kind)
);

CREATE TABLE reviews (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications (id),
    revision BIGINT NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('badan', 'dinas')),
    decision TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),
    reason TEXT NOT NULL,
    verifier_id TEXT NOT NULL REFERENCES users (id),
    at TEXT NOT NULL
);
CREATE INDEX reviews_application ON reviews (application_id);

CREATE TABLE certificates (
    serial TEXT PRIMARY KEY,
    application_id TEXT NOT NULL UNIQUE REFERENCES applications (id),
    owner_id TEXT NOT NULL REFERENCES users (id),
    der BYTEA NOT NULL,
    not_before TEXT NOT NULL,
    not_after TEXT NOT NULL,
    issued_at TEXT NOT NULL
);

CREATE TABLE idempotency (
    owner_id TEXT NOT NULL REFERENCES users (id),
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    application_id TEXT NOT NULL REFERENCES applications (id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (owner_id, key)
);

CREATE TABLE events (
    id BIGSERIAL PRIMARY KEY,
    at TEXT NOT NULL,
    owner_id TEXT NOT NULL REFERENCES users (id),
    application_id TEXT NOT NULL REFERENCES applications (id),
    kind TEXT NOT NULL,
    state TEXT NOT NULL
);
CREATE INDEX events_owner ON events (owner_id, id);

CREATE TABLE ca (
    id TEXT PRIMARY KEY,
    key_pem TEXT NOT NULL,
    cert_der BYTEA NOT NULL,
    created_at TEXT NOT NULL
);
