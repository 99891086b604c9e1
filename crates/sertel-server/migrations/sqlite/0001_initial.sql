-- Sertel server schema (SQLite). Keep in step with migrations/postgres/0001_initial.sql.
-- Timestamps are RFC 3339 UTC text; ids are random hex text.

CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
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
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

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
    csr_der BLOB NOT NULL,
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
    der BLOB NOT NULL,
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
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    cert_der BLOB NOT NULL,
    created_at TEXT NOT NULL
);
