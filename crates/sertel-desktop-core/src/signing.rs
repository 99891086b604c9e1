//! Signing a batch of PDFs with the owner's key: the passphrase opens the key once for the
//! whole batch, each file is signed in turn into a new file next to it, and every step is
//! reported so a screen can show progress per file. One file failing does not stop the rest.
//! An existing file is never replaced unless the request says so. With a specimen, each signed
//! letter carries a QR code of its public page and comes back as a registration for the server.
//! With a timestamp server every file is made B-LT: the chain, OCSP/CRL answers and the
//! timestamp authority's chain go into the file so that it validates offline for years; when
//! that material cannot be had, the file stays B-T and says why.
//!
//! A batch may instead seal with the agency's electronic seal (the seal slot's key): each file
//! gets a certification signature (DocMDP `/P 2`: later signers may fill in fields and sign,
//! nothing else), which must be the document's first signature; a PDF that is already signed
//! is refused, that file alone.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sertel_client::DocumentRegistration;
use sertel_core::i18n::Text;
use sertel_core::key::Passphrase;
use sertel_core::pades::ltv::{add_validation_data, LtvOptions};
use sertel_core::pades::{sign_file, Certification, Level, SignOptions};
use sertel_core::trust::{PathCertificate, TrustStore};
use sertel_core::verify::pdf_report::FileIdentity;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use x509_cert::Certificate;

use crate::key_slot::KeySlot;
use crate::placement::{appearance, Placement};
use crate::signed_name::signed_copy_path;
use crate::specimen::SpecimenSource;
use crate::DesktopError;

/// What the user asked for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BatchRequest {
    /// The PDFs to sign.
    pub files: Vec<PathBuf>,
    /// Where the signature shows.
    pub placement: Placement,
    /// Reason for signing (`/Reason`).
    #[serde(default)]
    pub reason: Option<String>,
    /// Place of signing (`/Location`).
    #[serde(default)]
    pub location: Option<String>,
    /// Replace an earlier `NAME-signed.pdf` instead of choosing a free name.
    #[serde(default)]
    pub replace_signed: bool,
    /// Draw the specimen with the QR code of the letter's page on the server (needs a session;
    /// an invisible signature has none).
    #[serde(default)]
    pub specimen: bool,
    /// Seal instead of sign: a certification signature with the agency's seal (the batch is
    /// signed with the seal slot's key; with `specimen`, the seal's specimen is drawn).
    #[serde(default)]
    pub seal: bool,
}

/// One step of a batch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum FileEvent {
    /// Signing of file `index` began.
    Started {
        /// The file's index in the request.
        index: usize,
    },
    /// File `index` was signed into `output`.
    Done {
        /// The file's index in the request.
        index: usize,
        /// The signed copy.
        output: PathBuf,
        /// The public page in its specimen's QR code, if it has one.
        verify_url: Option<String>,
        /// Why a timestamped file stayed B-T instead of becoming B-LT.
        long_term: Option<Text>,
    },
    /// File `index` could not be signed.
    Failed {
        /// The file's index in the request.
        index: usize,
        /// Why, in both languages.
        error: Text,
    },
}

/// How a batch ended.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct BatchOutcome {
    /// Files signed.
    pub signed: usize,
    /// Files that failed.
    pub failed: usize,
    /// The letters signed with a specimen, to register with the server.
    pub documents: Vec<DocumentRegistration>,
}

fn text_or_none(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// A timestamp server, and the folder of trust anchors the long-term material is validated
/// against (besides the root at the top of the owner's own chain).
#[derive(Clone, Copy, Debug)]
pub struct Timestamping<'a> {
    /// The RFC 3161 server's URL.
    pub tsa_url: &'a str,
    /// The user's trust anchors.
    pub trust_dir: &'a Path,
}

/// What B-LT validates against: the anchors in `trust_dir` and the self-signed root that ends
/// the owner's chain (the regency CA the certificate came from).
fn long_term_options(trust_dir: &Path, chain: &[Certificate]) -> Result<LtvOptions, DesktopError> {
    let mut trust = TrustStore::new();
    if trust_dir.is_dir() {
        trust.add_dir(trust_dir).map_err(DesktopError::core)?;
    }
    if let Some(root) = chain
        .last()
        .filter(|c| c.tbs_certificate.issuer == c.tbs_certificate.subject)
    {
        let anchor = PathCertificate::from_certificate(root).map_err(DesktopError::core)?;
        trust.add(anchor).map_err(DesktopError::core)?;
    }
    Ok(LtvOptions::trusting(trust))
}

/// Signs every file of `request` with the key in `slot`, timestamped when `timestamping` is
/// given (PAdES B-LT, or B-T when the validation material cannot be had; else B-B), with
/// `specimen` drawn where the signature goes when given. A wrong passphrase, a missing key or
/// certificate fails the whole batch before any file is touched.
pub fn sign_batch(
    slot: &KeySlot,
    passphrase: &Passphrase,
    request: &BatchRequest,
    timestamping: Option<Timestamping<'_>>,
    specimen: Option<&SpecimenSource>,
    on_event: &mut dyn FnMut(FileEvent),
) -> Result<BatchOutcome, DesktopError> {
    if request.files.is_empty() {
        return Err(DesktopError::NoFiles);
    }
    let chain = slot.certificates()?;
    if let Some(cert) = chain.first() {
        let serial = crate::key_slot::certificate_serial(cert);
        if slot.is_revoked(&serial)? {
            return Err(DesktopError::KeyRevoked { serial });
        }
    }
    let key = slot.unlock(passphrase)?;
    let (certificate, issuers) = chain.split_first().ok_or(DesktopError::NoCertificate)?;
    let serial_hex = crate::key_slot::serial_octets_hex(certificate);
    let level = match timestamping {
        Some(t) => Level::BT {
            tsa_url: t.tsa_url.to_owned(),
        },
        None => Level::BB,
    };
    let long_term = match timestamping {
        Some(t) => Some(long_term_options(t.trust_dir, &chain)?),
        None => None,
    };
    let mut outcome = BatchOutcome::default();
    for (index, input) in request.files.iter().enumerate() {
        on_event(FileEvent::Started { index });
        let signed = (|| {
            if !input.is_file() {
                return Err(DesktopError::FileNotFound(input.clone()));
            }
            let now = OffsetDateTime::now_utc();
            let options = SignOptions {
                level: level.clone(),
                reason: text_or_none(&request.reason),
                location: text_or_none(&request.location),
                appearance: match specimen {
                    Some(s) => s.appearance(input, request.placement)?,
                    None => appearance(input, request.placement)?,
                },
                overwrite: request.replace_signed,
                signing_time: Some(now.unix_timestamp()),
                certification: request.seal.then_some(Certification::FormFilling),
                ..SignOptions::default()
            };
            let output = signed_copy_path(input, request.replace_signed);
            let file = sign_file(input, &output, &key, certificate, issuers, &options)
                .map_err(DesktopError::core)?;
            let kept_at_b_t = long_term.as_ref().and_then(|o| {
                add_validation_data(&file.path, &file.path, o, true)
                    .err()
                    .map(|e| Text::of(&e))
            });
            let registration = match &file.document_id {
                Some(id) => Some(DocumentRegistration {
                    id: id.clone(),
                    sha256: FileIdentity::read(&file.path)
                        .map_err(DesktopError::core)?
                        .sha256_hex(),
                    signed_at: now
                        .replace_nanosecond(0)
                        .unwrap_or(now)
                        .format(&Rfc3339)
                        .map_err(|e| DesktopError::Corrupt {
                            path: file.path.clone(),
                            detail: e.to_string(),
                        })?,
                    certificate_serial: serial_hex.clone(),
                }),
                None => None,
            };
            Ok((file, registration, kept_at_b_t))
        })();
        match signed {
            Ok((file, registration, long_term)) => {
                outcome.signed += 1;
                outcome.documents.extend(registration);
                on_event(FileEvent::Done {
                    index,
                    output: file.path,
                    verify_url: file.verify_url,
                    long_term,
                });
            }
            Err(e) => {
                outcome.failed += 1;
                on_event(FileEvent::Failed {
                    index,
                    error: Text::of(&e),
                });
            }
        }
    }
    Ok(outcome)
}
