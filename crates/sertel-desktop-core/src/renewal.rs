//! Renewing a certificate (Pasal 18 ayat 2: before it ends), and re-issuing one whose key was
//! reported lost (Pasal 16 ayat 3). The app offers renewal from [`RENEWAL_WINDOW_DAYS`] days
//! before the end, while the certificate is issued, not revoked and not yet ended (the server
//! refuses to renew an ended or revoked certificate); it offers a re-issue for a certificate
//! revoked for a compromised key, with the owner's statement letter (the server asks for both).
//! Neither is offered again while one of them follows the certificate.
//!
//! Either has its own key, made in a second slot while the current key keeps signing (for a
//! renewal; a lost key signs no more):
//!
//! ```text
//! <data>/renewal/key.pem, key.json, certificates.pem   the next key, until its certificate
//! <data>/previous/<n>/…                                 keys that were replaced
//! ```
//!
//! When the renewal's certificate is issued it is taken into the second slot and that key
//! becomes the current one; the old key and certificate move to `previous/` (its certificate
//! stays valid until it ends, so what it signed stays verifiable).
//!
//! The agency's seal is renewed the same way in its own slot (`<data>/seal/renewal/`,
//! `<data>/seal/previous/<n>/`), with a new seal key under a new passphrase.

use std::path::Path;
use std::str::FromStr;

use sertel_client::model::ApplicationState;
use sertel_client::submission::{Action, DocumentKind, Submission};
use sertel_client::sync::RENEWAL_WINDOW_DAYS;
use sertel_core::i18n::Lang;
use sertel_core::key::{KeyAlgorithm, Passphrase};
use sertel_core::profile::{OwnerProfile, RegencyProfile, SealProfile};

use crate::certificate_request::{certificate_request, seal_certificate_request};
use crate::connection::{Connection, SubmitView};
use crate::key_slot::{read_input, KeySlot, NewPassphrase};
use crate::DesktopError;

/// The files of a key slot that move together.
const SLOT_FILES: [&str; 3] = ["key.pem", "key.json", "certificates.pem"];

impl KeySlot {
    /// The second slot: the key made for a renewal.
    pub fn renewal_slot(&self) -> KeySlot {
        KeySlot::new(self.dir().join("renewal"))
    }

    /// Makes the renewal key the current one: the current key's files move to
    /// `previous/<n>/`, the renewal's into their place.
    pub fn promote_renewal(&self) -> Result<(), DesktopError> {
        let next = self.renewal_slot();
        if !next.has_key() {
            return Err(DesktopError::NoKey);
        }
        let previous = self.dir().join("previous");
        let mut n = 1;
        while previous.join(n.to_string()).exists() {
            n += 1;
        }
        let archive = previous.join(n.to_string());
        std::fs::create_dir_all(&archive).map_err(DesktopError::io(&archive))?;
        move_files(self.dir(), &archive)?;
        move_files(next.dir(), self.dir())?;
        std::fs::remove_dir(next.dir()).map_err(DesktopError::io(next.dir()))
    }
}

fn move_files(from: &Path, to: &Path) -> Result<(), DesktopError> {
    for name in SLOT_FILES {
        let source = from.join(name);
        if source.exists() {
            let target = to.join(name);
            std::fs::rename(&source, &target).map_err(DesktopError::io(&target))?;
        }
    }
    Ok(())
}

/// What follows a certificate with a new key.
#[derive(Clone, Copy, Debug)]
pub enum FollowUp<'a> {
    /// A renewal before the certificate ends (Pasal 18 ayat 2).
    Renewal,
    /// A re-issue after the key was reported lost (Pasal 16 ayat 3), with the owner's
    /// statement letter (PDF).
    Reissue {
        /// The statement letter.
        statement_letter: &'a Path,
    },
}

impl Connection {
    /// Applies for `follow` of the certificate of `application_id`: a new key of the current
    /// key's algorithm is made in the second slot of `slot` under the new passphrase (kept if
    /// one is there already, e.g. after a refusal; held to `profile`'s passphrase rules), and its
    /// certificate request is sent (kept in the outbox while the server cannot be reached).
    ///
    /// The owner's own certificate has the owner's subject from `profile`; with `seal_agency`,
    /// `slot` is the seal's and the request has the seal's subject (the seal keeps its e-mail
    /// address: the server takes it from the seal it follows).
    #[allow(clippy::too_many_arguments)]
    pub fn follow_up(
        &self,
        slot: &KeySlot,
        new: &NewPassphrase,
        profile: &OwnerProfile,
        regency: &RegencyProfile,
        seal_agency: Option<&str>,
        application_id: &str,
        follow: FollowUp<'_>,
        consent_version: &str,
        lang: Lang,
    ) -> Result<SubmitView, DesktopError> {
        if consent_version.trim().is_empty() {
            return Err(DesktopError::ApplicationIncomplete("consent"));
        }
        let letter = match follow {
            FollowUp::Renewal => None,
            FollowUp::Reissue { statement_letter } if statement_letter.as_os_str().is_empty() => {
                return Err(DesktopError::ApplicationIncomplete("statement letter"))
            }
            FollowUp::Reissue { statement_letter } => Some(read_input(statement_letter)?),
        };
        let next = slot.renewal_slot();
        if !next.has_key() {
            let algorithm = slot
                .info()?
                .and_then(|i| KeyAlgorithm::from_str(&i.key.algorithm).ok())
                .unwrap_or_default();
            next.create(new, profile, algorithm)?;
        }
        let passphrase: &Passphrase = &new.passphrase;
        let csr = match seal_agency {
            None => certificate_request(&next, passphrase, profile, regency)?,
            Some(agency) => {
                let seal = SealProfile {
                    agency: agency.trim().to_owned(),
                    email: None,
                };
                seal_certificate_request(&next, passphrase, &seal, regency)?
            }
        };
        let mut submission = Submission::new(csr.into_bytes(), consent_version.trim());
        let application_id = application_id.to_owned();
        let action = match letter {
            None => Action::Renew { application_id },
            Some(letter) => {
                submission = submission.with_document(DocumentKind::StatementLetter, letter);
                Action::Reissue { application_id }
            }
        };
        self.send(action, &submission, lang)
    }
}

/// Whether a re-issue is offered for a certificate of an application in `state`, revoked for
/// `revocation_reason`, `followed` or not by a later application.
pub fn reissue_offered(
    state: ApplicationState,
    revocation_reason: Option<&str>,
    followed: bool,
) -> bool {
    state == ApplicationState::Revoked && revocation_reason == Some("key_compromise") && !followed
}

/// Whether renewal is offered for a certificate of an application in `state`, revoked or not,
/// with `days_left` whole days until it ends (negative once ended), `followed` or not by a later
/// application (a renewal under way, or a rejected one that is sent again from its own card:
/// the server accepts one at a time).
pub fn renewal_offered(
    state: ApplicationState,
    revoked: bool,
    days_left: i64,
    followed: bool,
) -> bool {
    state == ApplicationState::Issued
        && !revoked
        && !followed
        && (0..=RENEWAL_WINDOW_DAYS).contains(&days_left)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_renewal_key_takes_the_current_ones_place() {
        let dir = tempfile::tempdir().unwrap();
        let slot = KeySlot::new(dir.path());
        let profile = OwnerProfile {
            full_name: "Siti Rahmawati".into(),
            nip: "198507142010012003".into(),
            nik: None,
            email: "siti.rahmawati@muaraenimkab.go.id".into(),
            title: "Pranata Komputer".into(),
            unit: "Dinas Komunikasi dan Informatika".into(),
            rank: None,
            phone: None,
        };
        let new = |p: &str| NewPassphrase {
            passphrase: Passphrase::new(p),
            repeat: Passphrase::new(p),
        };
        let first = new("kopi pahit di tepi sungai lematang");
        let second = new("hujan sore di jembatan ampera palembang");
        let current = slot
            .create(&first, &profile, KeyAlgorithm::EcdsaP256)
            .unwrap();
        assert!(matches!(slot.promote_renewal(), Err(DesktopError::NoKey)));
        let next = slot
            .renewal_slot()
            .create(&second, &profile, KeyAlgorithm::EcdsaP256)
            .unwrap();
        assert_ne!(current.key.fingerprint, next.key.fingerprint);
        // The current key still opens with its passphrase until the renewal is promoted.
        assert!(slot.unlock(&first.passphrase).is_ok());
        slot.promote_renewal().unwrap();
        let now = slot.info().unwrap().unwrap();
        assert_eq!(now.key.fingerprint, next.key.fingerprint);
        assert!(slot.unlock(&second.passphrase).is_ok());
        assert!(!slot.renewal_slot().has_key());
        let archived = KeySlot::new(dir.path().join("previous").join("1"));
        assert_eq!(
            archived.info().unwrap().unwrap().key.fingerprint,
            current.key.fingerprint
        );
    }

    #[test]
    fn reissue_offered_for_a_lost_key_until_one_follows() {
        let revoked = ApplicationState::Revoked;
        assert!(reissue_offered(revoked, Some("key_compromise"), false));
        assert!(!reissue_offered(revoked, Some("key_compromise"), true));
        assert!(
            !reissue_offered(revoked, Some("affiliation_changed"), false),
            "not a lost key: a new application instead"
        );
        assert!(!reissue_offered(revoked, None, false));
        assert!(!reissue_offered(
            ApplicationState::Issued,
            Some("key_compromise"),
            false
        ));
    }

    #[test]
    fn offered_in_the_last_thirty_days_of_an_issued_certificate() {
        let issued = ApplicationState::Issued;
        assert!(!renewal_offered(issued, false, 31, false));
        assert!(renewal_offered(issued, false, 30, false));
        assert!(renewal_offered(issued, false, 1, false));
        assert!(renewal_offered(issued, false, 0, false));
        assert!(
            !renewal_offered(issued, false, -1, false),
            "ended: a new application instead"
        );
        assert!(!renewal_offered(issued, true, 10, false), "revoked");
        assert!(
            !renewal_offered(issued, false, 10, true),
            "a renewal already under way"
        );
        assert!(!renewal_offered(
            ApplicationState::Superseded,
            false,
            10,
            false
        ));
        assert!(!renewal_offered(
            ApplicationState::Revoked,
            false,
            10,
            false
        ));
    }
}
