//! Long-term validation of signed PDFs (ETSI EN 319 142-1): B-LT adds to the file, in its
//! document security store, everything a validator needs to validate its signatures offline
//! (certificates and revocation answers for the signers and their timestamping authorities);
//! B-LTA then seals that material with a document timestamp. Refreshing an archived file adds
//! the material of its newest document timestamp and a new timestamp over all of it, before
//! that timestamp's authority certificate expires.
//!
//! Each step is its own incremental update, so every signature stays valid: the validator
//! permits DSS updates and document timestamps after any signature, certified ones included.

pub mod dss_write;
pub mod error;
pub mod material;

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;
use time::OffsetDateTime;

pub use error::LtvError;

use self::dss_write::{write_dss, SignatureMaterial};
use self::material::{Collector, Material};
use crate::trust::{RevocationPolicy, TrustStore};
use crate::verify::fetch::Fetcher;
use crate::verify::{Check, Examined, ExaminedSignature, Verifier, VerifyOptions};

/// What collecting validation data is given.
#[derive(Clone, Debug)]
pub struct LtvOptions {
    /// The trust anchors the signers' and authorities' paths must end at.
    pub trust: TrustStore,
    /// How long each OCSP or CRL download may take.
    pub fetch_timeout: Duration,
    /// The time the paths are validated at; `None` reads the system clock.
    pub now: Option<OffsetDateTime>,
}

impl LtvOptions {
    /// Options with the anchors in `trust` and the verifier's default download time-out.
    pub fn trusting(trust: TrustStore) -> LtvOptions {
        LtvOptions {
            trust,
            fetch_timeout: crate::verify::DEFAULT_FETCH_TIMEOUT,
            now: None,
        }
    }
}

/// What was added to a file.
#[derive(Clone, Debug, Serialize)]
pub struct Extended {
    /// The file written.
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: u64,
    /// Signatures and document timestamps the material was collected for.
    pub signatures: usize,
    /// Certificates, CRLs and OCSP responses the update names.
    pub certificates: usize,
    /// CRLs.
    pub crls: usize,
    /// OCSP responses.
    pub ocsp: usize,
    /// Whether a document timestamp was added over it (B-LTA).
    pub archived: bool,
}

/// The signatures whose material a new update must carry: those after the newest document
/// timestamp that passed (it and anything signed after it), or all when there is none. Older
/// ones are already preserved by that timestamp and the material it covers.
fn unpreserved(examined: &Examined) -> Vec<&ExaminedSignature> {
    let newest_archive = examined
        .signatures
        .iter()
        .filter(|s| {
            s.report.sub_filter.as_deref() == Some("ETSI.RFC3161")
                && s.report.integrity == Check::Passed
                && s.report.signature == Check::Passed
        })
        .map(|s| s.report.signed_length)
        .max()
        .unwrap_or(0);
    examined
        .signatures
        .iter()
        .filter(|s| s.report.signed_length >= newest_archive)
        .collect()
}

/// Adds the validation material of `input`'s signatures (B-LT) in one update, writing
/// `output` (`overwrite` allows replacing it, `input` itself included).
pub fn add_validation_data(
    input: &Path,
    output: &Path,
    opts: &LtvOptions,
    overwrite: bool,
) -> Result<Extended, LtvError> {
    let now = opts.now.unwrap_or_else(OffsetDateTime::now_utc);
    let mut verify = VerifyOptions::trusting(opts.trust.clone());
    verify.revocation = RevocationPolicy::SoftFail;
    verify.now = Some(now);
    let examined = Verifier::new(verify).examine(input)?;
    if examined.signatures.is_empty() {
        return Err(LtvError::Unsigned);
    }
    let fetcher = Fetcher::new(opts.fetch_timeout);
    let collector = Collector {
        trust: &opts.trust,
        fetcher: &fetcher,
        now,
    };
    let mut entries = Vec::new();
    let mut all = Material::default();
    for sig in unpreserved(&examined) {
        let material = collector.signature(sig, &examined.dss)?;
        all.merge(&material);
        entries.push(SignatureMaterial {
            contents: sig.contents.clone().unwrap_or_default(),
            material,
        });
    }
    let size = write_dss(input, output, &entries, overwrite)?;
    Ok(Extended {
        path: output.to_path_buf(),
        size,
        signatures: entries.len(),
        certificates: all.certificates.len(),
        crls: all.crls.len(),
        ocsp: all.ocsp.len(),
        archived: false,
    })
}

/// [`add_validation_data`], then a document timestamp from the TSA at `tsa_url` over the
/// result (B-LTA; also the refresh of an archived file).
pub fn archive(
    input: &Path,
    output: &Path,
    opts: &LtvOptions,
    tsa_url: &str,
    overwrite: bool,
) -> Result<Extended, LtvError> {
    let mut extended = add_validation_data(input, output, opts, overwrite)?;
    let stamped = crate::pades::doc_timestamp::timestamp_document(output, output, tsa_url, true)?;
    extended.size = stamped.size;
    extended.archived = true;
    Ok(extended)
}
