-- Electronic seals (segel elektronik, Pasal 12 huruf c): an application whose certificate is for
-- a Perangkat Daerah rather than for its owner (Pasal 10 ayat 3). seal_agency is the agency's
-- name (the certificate's CN), NULL for a person's certificate; seal_email the agency's
-- official e-mail address (the certificate's subjectAltName), if given.
-- Keep in step with migrations/sqlite/0006_seals.sql.
ALTER TABLE applications ADD COLUMN seal_agency TEXT;
ALTER TABLE applications ADD COLUMN seal_email TEXT;
CREATE INDEX applications_seal_agency ON applications (seal_agency);
