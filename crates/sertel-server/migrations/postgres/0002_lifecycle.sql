-- After issuance: renewal and re-issue, revocation (never undone), the CRL, the TSA key.
-- Keep in step with migrations/sqlite/0002_lifecycle.sql.

-- What an application is: a first application (Pasal 15), a renewal before expiry (Pasal 18
-- ayat 2) or a re-issue after a lost key (Pasal 16 ayat 3); the last two name the application
-- whose certificate they follow.
ALTER TABLE applications ADD COLUMN kind TEXT NOT NULL DEFAULT 'new'
    CHECK (kind IN ('new', 'renewal', 'reissue'));
ALTER TABLE applications ADD COLUMN previous_id TEXT REFERENCES applications (id);

CREATE FUNCTION lifecycle_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0];
END;
$$;

-- A revoked application never changes state again (Pasal 17 ayat 4).
CREATE TRIGGER applications_revoked_final BEFORE UPDATE OF state ON applications
FOR EACH ROW WHEN (OLD.state = 'revoked' AND NEW.state <> 'revoked')
EXECUTE FUNCTION lifecycle_refuse('a revoked certificate is never valid again');

CREATE TRIGGER certificates_no_delete BEFORE DELETE ON certificates
FOR EACH ROW EXECUTE FUNCTION lifecycle_refuse('issued certificates are kept');
CREATE TRIGGER certificates_no_truncate BEFORE TRUNCATE ON certificates
FOR EACH STATEMENT EXECUTE FUNCTION lifecycle_refuse('issued certificates are kept');

CREATE TABLE revocation_requests (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications (id),
    owner_id TEXT NOT NULL REFERENCES users (id),
    serial TEXT NOT NULL REFERENCES certificates (serial),
    reason TEXT NOT NULL CHECK (reason IN ('unspecified', 'key_compromise',
        'affiliation_changed', 'superseded', 'cessation_of_operation', 'privilege_withdrawn')),
    statement TEXT NOT NULL,
    letter_sha256 TEXT NOT NULL,
    letter_size BIGINT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'closed')),
    created_at TEXT NOT NULL,
    decided_at TEXT,
    decided_by TEXT REFERENCES users (id),
    decision_reason TEXT
);
CREATE UNIQUE INDEX revocation_requests_one_pending ON revocation_requests (serial)
    WHERE state = 'pending';
CREATE INDEX revocation_requests_owner ON revocation_requests (owner_id);

-- One row per revoked certificate, insert-only: no certificateHold, no removeFromCRL.
CREATE TABLE revocations (
    serial TEXT PRIMARY KEY REFERENCES certificates (serial),
    revoked_at TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('unspecified', 'key_compromise',
        'affiliation_changed', 'superseded', 'cessation_of_operation', 'privilege_withdrawn')),
    actor TEXT NOT NULL,
    request_id TEXT REFERENCES revocation_requests (id)
);
CREATE TRIGGER revocations_no_change BEFORE UPDATE OR DELETE ON revocations
FOR EACH ROW EXECUTE FUNCTION lifecycle_refuse('a revoked certificate is never valid again');
CREATE TRIGGER revocations_no_truncate BEFORE TRUNCATE ON revocations
FOR EACH STATEMENT EXECUTE FUNCTION lifecycle_refuse('a revoked certificate is never valid again');

-- The current CRL; its number only grows.
CREATE TABLE crl (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    number BIGINT NOT NULL,
    this_update TEXT NOT NULL,
    next_update TEXT NOT NULL,
    revoked_count BIGINT NOT NULL,
    der BYTEA NOT NULL
);
CREATE TRIGGER crl_number_grows BEFORE UPDATE OF number ON crl
FOR EACH ROW WHEN (NEW.number <= OLD.number)
EXECUTE FUNCTION lifecycle_refuse('the CRL number must grow');

-- The `ca` table also holds the TSA's key (encrypted like the CA's) and certificate, under the
-- id 'tsa'.
