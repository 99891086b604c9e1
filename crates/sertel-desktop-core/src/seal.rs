//! The agency's electronic seal (segel elektronik, Pasal 11 ayat 3 and Pasal 12 huruf c): the
//! head of a Perangkat Daerah makes the seal's own key on this laptop, applies for the seal with
//! the request letter and their SK Jabatan (Pasal 10 ayat 3: through the Badan and the Dinas),
//! and once it is issued seals letters with it.
//!
//! ```text
//! <data>/seal/key.pem, key.json   the seal's key (its own passphrase), never the owner's
//! <data>/seal/certificates.pem    the seal certificate and its CA, once issued
//! <data>/seal/revoked.json        the seal's serial numbers known to be revoked
//! ```
//!
//! The application goes through the outbox like the owner's own (queued while the server is
//! away), and a rejected one is sent again like theirs ([`Connection::resubmit`]); its status
//! comes with the owner's status refresh ([`Connection::status`]), which
//! takes the issued seal certificate into the seal slot.

use std::path::PathBuf;

use serde::Deserialize;
use sertel_client::submission::{Action, DocumentKind};
use sertel_core::i18n::Lang;
use sertel_core::key::Passphrase;
use sertel_core::profile::{RegencyProfile, SealProfile};

use crate::certificate_request::seal_certificate_request;
use crate::connection::{read_documents, submission, Connection, SubmitView};
use crate::key_slot::KeySlot;
use crate::{AppPaths, DesktopError};

/// The seal's key slot of the app whose folders are `paths`: a folder of its own, so the seal's
/// key is made there with its own passphrase ([`KeySlot::create`], held to the owner's
/// passphrase rules) and never shares the owner's key.
pub fn seal_slot(paths: &AppPaths) -> KeySlot {
    KeySlot::new(paths.seal_dir())
}

/// The seal application's form.
#[derive(Clone, Debug, Deserialize)]
pub struct SealForm {
    /// The agency's name: the owner's unit kerja (the server accepts no other), the seal
    /// certificate's CN.
    pub agency: String,
    /// The agency's official e-mail address on the regency's domain, if the seal is to carry
    /// one.
    #[serde(default)]
    pub email: Option<String>,
    /// The request letter (surat permohonan) signed by the head of the agency, PDF.
    pub request_letter: PathBuf,
    /// The head's SK Jabatan, PDF.
    pub sk_jabatan: PathBuf,
}

impl SealForm {
    /// The seal the form asks for.
    pub fn seal(&self) -> SealProfile {
        SealProfile {
            agency: self.agency.trim().to_owned(),
            email: self
                .email
                .as_deref()
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .map(str::to_owned),
        }
    }

    /// The chosen documents, read; both are required (a rejected application is sent again
    /// with [`Connection::resubmit`], its `request_letter` and `sk_jabatan`).
    fn documents(&self) -> Result<Vec<(DocumentKind, Vec<u8>)>, DesktopError> {
        read_documents(
            &[
                (
                    DocumentKind::RequestLetter,
                    &self.request_letter,
                    "request letter",
                ),
                (DocumentKind::SkJabatan, &self.sk_jabatan, "SK Jabatan"),
            ],
            true,
        )
    }
}

impl Connection {
    /// Applies for the agency's seal of `form`: the certificate request of the seal's key in
    /// `seal` (unlocked with `passphrase`) with the seal's subject, the request letter and the
    /// SK Jabatan; kept in the outbox when the server cannot be reached.
    #[allow(clippy::too_many_arguments)]
    pub fn submit_seal(
        &self,
        seal: &KeySlot,
        passphrase: &Passphrase,
        regency: &RegencyProfile,
        form: &SealForm,
        consent_version: &str,
        accepted: bool,
        lang: Lang,
    ) -> Result<SubmitView, DesktopError> {
        let profile = form.seal();
        let documents = form.documents()?;
        let csr = seal_certificate_request(seal, passphrase, &profile, regency)?;
        let submission = submission(Some(csr), documents, consent_version, accepted)?;
        let action = Action::SubmitSeal {
            agency: profile.agency_name().to_owned(),
            email: profile.email_normalised(),
        };
        self.send(action, &submission, lang)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::key_slot::NewPassphrase;
    use sertel_core::key::KeyAlgorithm;
    use sertel_core::profile::OwnerProfile;
    use sertel_core::x509::verify_csr;

    fn profile() -> OwnerProfile {
        OwnerProfile {
            full_name: "Drs. Ahmad Fauzi, M.Si.".into(),
            nip: "197803152005011002".into(),
            nik: None,
            email: "ahmad.fauzi@muaraenimkab.go.id".into(),
            title: "Kepala Dinas".into(),
            unit: "Dinas Komunikasi dan Informatika".into(),
            rank: None,
            phone: None,
        }
    }

    fn new(p: &str) -> NewPassphrase {
        NewPassphrase {
            passphrase: Passphrase::new(p),
            repeat: Passphrase::new(p),
        }
    }

    #[test]
    fn the_seal_key_is_its_own_with_its_own_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        let paths = AppPaths::new(dir.path().join("data"), dir.path().join("config"));
        let own = KeySlot::new(paths.key_dir());
        let seal = seal_slot(&paths);
        assert_eq!(seal.dir(), dir.path().join("data").join("seal"));
        let mine = new("kopi pahit di tepi sungai lematang");
        let agency = new("segel dinas di balai kota muara enim");
        let person = own
            .create(&mine, &profile(), KeyAlgorithm::EcdsaP256)
            .unwrap();
        // The passphrase rules are the owner's: a short word is refused, and nothing is made.
        assert!(seal
            .create(&new("rahasia"), &profile(), KeyAlgorithm::EcdsaP256)
            .is_err());
        assert!(!seal.has_key());
        let sealed = seal
            .create(&agency, &profile(), KeyAlgorithm::EcdsaP256)
            .unwrap();
        assert_ne!(sealed.key.fingerprint, person.key.fingerprint);
        assert!(seal.unlock(&mine.passphrase).is_err());
        assert!(seal.unlock(&agency.passphrase).is_ok());
        // The owner's key is where it was.
        assert_eq!(
            own.info().unwrap().unwrap().key.fingerprint,
            person.key.fingerprint
        );
        // A second seal key is never made over the first.
        assert!(matches!(
            seal.create(&agency, &profile(), KeyAlgorithm::EcdsaP256),
            Err(DesktopError::KeyExists)
        ));
    }

    #[test]
    fn the_request_carries_the_seals_subject_and_both_documents_are_required() {
        let dir = tempfile::tempdir().unwrap();
        let seal = KeySlot::new(dir.path().join("seal"));
        let passphrase = new("segel dinas di balai kota muara enim");
        seal.create(&passphrase, &profile(), KeyAlgorithm::EcdsaP256)
            .unwrap();
        let form = SealForm {
            agency: "  Dinas Komunikasi dan Informatika ".into(),
            email: Some(" Diskominfo@muaraenimkab.go.id ".into()),
            request_letter: PathBuf::new(),
            sk_jabatan: dir.path().join("sk.pdf"),
        };
        assert_eq!(form.seal().agency, "Dinas Komunikasi dan Informatika");
        let regency = RegencyProfile::default();
        let pem = seal_certificate_request(&seal, &passphrase.passphrase, &form.seal(), &regency)
            .unwrap();
        let csr = verify_csr(pem.as_bytes()).unwrap();
        assert_eq!(
            csr.subject,
            sertel_core::x509::seal_subject(&form.seal(), &regency).unwrap()
        );
        assert!(matches!(
            form.documents(),
            Err(DesktopError::ApplicationIncomplete("request letter"))
        ));
        // An e-mail address off the regency's domain is refused before the key is opened.
        let elsewhere = SealForm {
            email: Some("diskominfo@example.com".into()),
            ..form
        };
        assert!(matches!(
            seal_certificate_request(
                &seal,
                &Passphrase::new("wrong"),
                &elsewhere.seal(),
                &regency
            ),
            Err(DesktopError::Profile(_))
        ));
    }
}
