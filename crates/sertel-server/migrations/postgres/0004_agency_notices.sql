-- Notices to the owner's agency (Perangkat Daerah) that a certificate was revoked (Pasal 17
-- ayat 5), written in the revocation's transaction: an outbox. 'manual' means the Dinas or the
-- Badan sends it (letter, or e-mail to the address in the request letter) because the server has
-- no mail relay; 'pending' is left for a relay to send, 'sent' once delivered.
-- Keep in step with migrations/sqlite/0004_agency_notices.sql.
CREATE TABLE agency_notices (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    application_id TEXT NOT NULL REFERENCES applications (id),
    owner_id TEXT NOT NULL REFERENCES users (id),
    serial TEXT NOT NULL REFERENCES certificates (serial),
    request_id TEXT REFERENCES revocation_requests (id),
    agency TEXT NOT NULL,
    email TEXT,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('manual', 'pending', 'sent')),
    sent_at TEXT
);
CREATE INDEX agency_notices_status ON agency_notices (status, created_at);

-- The agency's e-mail address as written in the owner's request letter (Pasal 17 ayat 5).
ALTER TABLE revocation_requests ADD COLUMN agency_email TEXT;
