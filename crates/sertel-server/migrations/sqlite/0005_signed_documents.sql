-- Letters signed with a specimen, registered by their signer for the public verification page
-- (GET /v/{id}, Pasal 14c). The id is the specimen's 128-bit document id (32 lowercase hex
-- digits), sha256 the signed file's SHA-256 (64 lowercase hex digits), signed_at RFC 3339 UTC.
-- The uploaded files themselves are never stored.
CREATE TABLE signed_documents (
    id TEXT PRIMARY KEY CHECK (length(id) = 32),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    signed_at TEXT NOT NULL,
    serial TEXT NOT NULL REFERENCES certificates (serial),
    owner_id TEXT NOT NULL REFERENCES users (id),
    registered_at TEXT NOT NULL
);
CREATE INDEX signed_documents_serial ON signed_documents (serial);
