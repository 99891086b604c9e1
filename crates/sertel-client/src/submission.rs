//! What an owner sends: the CSR, the documents, the consent version — and which action it is
//! for (a first application, an agency's electronic seal, a resubmission, a renewal, a
//! re-issue). The same value is sent at
//! once or kept in the outbox.

use serde::{Deserialize, Serialize};

use crate::ClientError;

/// A document of an application (Pasal 15 ayat 1, and 16 ayat 3 for a re-issue).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// Surat rekomendasi (the Lampiran), PDF.
    RecommendationLetter,
    /// KTP scan: PDF, JPEG or PNG.
    Ktp,
    /// SK Jabatan, PDF.
    SkJabatan,
    /// SK Pangkat, PDF.
    SkPangkat,
    /// Face photo, JPEG or PNG.
    Photo,
    /// The agency head's statement for a re-issue after a lost key, PDF.
    StatementLetter,
    /// The request letter (surat permohonan) signed by the head of the agency for an
    /// electronic seal, PDF.
    RequestLetter,
}

impl DocumentKind {
    /// The documents a first application needs.
    pub const FIRST_APPLICATION: [DocumentKind; 5] = [
        DocumentKind::RecommendationLetter,
        DocumentKind::Ktp,
        DocumentKind::SkJabatan,
        DocumentKind::SkPangkat,
        DocumentKind::Photo,
    ];

    /// The documents an application for an electronic seal needs: the request letter and the
    /// head's SK Jabatan.
    pub const SEAL_APPLICATION: [DocumentKind; 2] =
        [DocumentKind::RequestLetter, DocumentKind::SkJabatan];

    /// The form field name.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::RecommendationLetter => "recommendation_letter",
            DocumentKind::Ktp => "ktp",
            DocumentKind::SkJabatan => "sk_jabatan",
            DocumentKind::SkPangkat => "sk_pangkat",
            DocumentKind::Photo => "photo",
            DocumentKind::StatementLetter => "statement_letter",
            DocumentKind::RequestLetter => "request_letter",
        }
    }

    /// Every kind.
    pub const ALL: [DocumentKind; 7] = [
        DocumentKind::RecommendationLetter,
        DocumentKind::Ktp,
        DocumentKind::SkJabatan,
        DocumentKind::SkPangkat,
        DocumentKind::Photo,
        DocumentKind::StatementLetter,
        DocumentKind::RequestLetter,
    ];

    /// Parses a form field name.
    pub fn parse(name: &str) -> Option<DocumentKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// What a submission is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Action {
    /// A first application (`POST /api/v1/applications`).
    Submit,
    /// An application by the head of a Perangkat Daerah for the agency's electronic seal
    /// (`POST /api/v1/seal-applications`); the CSR's subject is the seal's
    /// (`sertel_core::x509::seal_subject`).
    SubmitSeal {
        /// The agency's name: the applicant's unit kerja, and the certificate's CN.
        agency: String,
        /// The agency's official e-mail address, if the certificate is to carry one.
        #[serde(default)]
        email: Option<String>,
    },
    /// A rejected application, corrected.
    Resubmit {
        /// The application.
        application_id: String,
    },
    /// A renewal of an issued certificate, with a new key.
    Renew {
        /// The application whose certificate is renewed.
        application_id: String,
    },
    /// A re-issue after a lost-key report, with a new key and the agency head's statement.
    Reissue {
        /// The application whose certificate was revoked for a lost key.
        application_id: String,
    },
}

impl Action {
    /// The endpoint path.
    pub(crate) fn path(&self) -> String {
        match self {
            Action::Submit => "/api/v1/applications".into(),
            Action::SubmitSeal { .. } => "/api/v1/seal-applications".into(),
            Action::Resubmit { application_id } => {
                format!("/api/v1/applications/{}/resubmit", segment(application_id))
            }
            Action::Renew { application_id } => {
                format!("/api/v1/applications/{}/renew", segment(application_id))
            }
            Action::Reissue { application_id } => {
                format!("/api/v1/applications/{}/reissue", segment(application_id))
            }
        }
    }

    /// A short name, for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Action::Submit => "submit",
            Action::SubmitSeal { .. } => "submit_seal",
            Action::Resubmit { .. } => "resubmit",
            Action::Renew { .. } => "renew",
            Action::Reissue { .. } => "reissue",
        }
    }

    /// Checks that `submission` carries what this action needs and nothing it refuses.
    pub fn check(&self, submission: &Submission) -> Result<(), ClientError> {
        let action = self.name();
        let has = |k: DocumentKind| submission.documents.iter().any(|(d, _)| *d == k);
        let required: &[DocumentKind] = match self {
            Action::Submit => &DocumentKind::FIRST_APPLICATION,
            Action::SubmitSeal { .. } => &DocumentKind::SEAL_APPLICATION,
            Action::Reissue { .. } => &[DocumentKind::StatementLetter],
            _ => &[],
        };
        if let Some(&kind) = required.iter().find(|&&k| !has(k)) {
            return Err(ClientError::MissingDocument { kind, action });
        }
        let refused = [
            (
                DocumentKind::StatementLetter,
                !matches!(self, Action::Reissue { .. }),
            ),
            (DocumentKind::RequestLetter, matches!(self, Action::Submit)),
        ];
        if let Some(&(kind, _)) = refused.iter().find(|(k, no)| *no && has(*k)) {
            return Err(ClientError::DocumentNotAccepted { kind, action });
        }
        if submission.csr.is_none() && !matches!(self, Action::Resubmit { .. }) {
            return Err(ClientError::InvalidArgument {
                name: "csr",
                reason: "a certificate request is required except for a resubmission",
            });
        }
        Ok(())
    }
}

impl Action {
    /// The text fields the action itself adds to the form: the agency (and its e-mail
    /// address) of a seal application.
    pub(crate) fn fields(&self) -> Vec<(&'static str, &[u8])> {
        match self {
            Action::SubmitSeal { agency, email } => {
                let mut v = vec![("agency", agency.as_bytes())];
                if let Some(email) = email {
                    v.push(("agency_email", email.as_bytes()));
                }
                v
            }
            _ => Vec::new(),
        }
    }
}

/// An id as one path segment: ids are letters, digits, `-` and `_`; anything else is
/// percent-encoded so it can never change the path.
pub(crate) fn segment(id: &str) -> String {
    id.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The form of a submission.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Submission {
    /// PKCS#10 request, PEM or DER (optional only for a resubmission that keeps the key).
    pub csr: Option<Vec<u8>>,
    /// The version of the consent text the owner accepted (`GET /api/v1/consent`).
    pub consent_version: String,
    /// Documents; each kind at most once.
    pub documents: Vec<(DocumentKind, Vec<u8>)>,
}

impl Submission {
    /// A submission with a CSR and the consent version, no documents yet.
    pub fn new(csr: Vec<u8>, consent_version: impl Into<String>) -> Submission {
        Submission {
            csr: Some(csr),
            consent_version: consent_version.into(),
            documents: Vec::new(),
        }
    }

    /// Adds (or replaces) a document.
    pub fn with_document(mut self, kind: DocumentKind, data: Vec<u8>) -> Submission {
        self.documents.retain(|(k, _)| *k != kind);
        self.documents.push((kind, data));
        self
    }

    /// The form fields in the order they are sent: CSR, documents in form order, consent.
    pub(crate) fn fields(&self) -> Vec<(&'static str, &[u8])> {
        let mut docs: Vec<&(DocumentKind, Vec<u8>)> = self.documents.iter().collect();
        docs.sort_by_key(|(k, _)| *k);
        let mut fields: Vec<(&'static str, &[u8])> = Vec::new();
        if let Some(csr) = &self.csr {
            fields.push(("csr", csr));
        }
        fields.extend(docs.iter().map(|(k, d)| (k.as_str(), d.as_slice())));
        fields.push(("consent_version", self.consent_version.as_bytes()));
        fields
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_check_their_documents() {
        let base = Submission::new(b"csr".to_vec(), "v1");
        let full = DocumentKind::FIRST_APPLICATION
            .iter()
            .fold(base.clone(), |s, k| s.with_document(*k, vec![1]));
        assert!(Action::Submit.check(&full).is_ok());
        let e = Action::Submit.check(&base);
        assert!(matches!(e, Err(ClientError::MissingDocument { .. })));
        let reissue = Action::Reissue {
            application_id: "a".into(),
        };
        assert!(matches!(
            reissue.check(&base),
            Err(ClientError::MissingDocument {
                kind: DocumentKind::StatementLetter,
                ..
            })
        ));
        let with_letter = base.with_document(DocumentKind::StatementLetter, vec![1]);
        assert!(reissue.check(&with_letter).is_ok());
        let renew = Action::Renew {
            application_id: "a".into(),
        };
        assert!(renew.check(&with_letter).is_err_and(|e| e.is_misuse()));
        let seal = Action::SubmitSeal {
            agency: "Dinas Komunikasi dan Informatika".into(),
            email: None,
        };
        let fresh = || Submission::new(b"csr".to_vec(), "v1");
        let sealed = DocumentKind::SEAL_APPLICATION
            .iter()
            .fold(fresh(), |s, k| s.with_document(*k, vec![1]));
        assert!(seal.check(&sealed).is_ok());
        assert!(matches!(
            seal.check(&fresh().with_document(DocumentKind::SkJabatan, vec![1])),
            Err(ClientError::MissingDocument {
                kind: DocumentKind::RequestLetter,
                ..
            })
        ));
        let person = full.with_document(DocumentKind::RequestLetter, vec![1]);
        assert!(Action::Submit.check(&person).is_err_and(|e| e.is_misuse()));
        assert_eq!(
            seal.fields(),
            [("agency", &b"Dinas Komunikasi dan Informatika"[..])]
        );
    }

    #[test]
    fn ids_cannot_leave_their_path_segment() {
        assert_eq!(segment("abc-DEF_1"), "abc-DEF_1");
        assert_eq!(segment("../x?y"), "%2E%2E%2Fx%3Fy");
    }
}
