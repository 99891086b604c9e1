-- Certificates issued by the national CA (BSrE) for an approved application's CSR and uploaded
-- by a verifier are 'national'; the embedded CA's are 'regency'. The embedded CA's CRL and OCSP
-- responder speak only for its own certificates.
-- Keep in step with migrations/sqlite/0003_national_ca.sql.
ALTER TABLE certificates ADD COLUMN issued_by TEXT NOT NULL DEFAULT 'regency'
    CHECK (issued_by IN ('regency', 'national'));
