//! Signing a file in one call, for a key the process holds.

use std::path::Path;

use x509_cert::Certificate;

use super::copy::Progress;
use super::error::SignError;
use super::options::{Level, SignOptions};
use super::prepare::{prepare, SignerIdentity};
use crate::signer::Signer;
use crate::tsp;

pub use super::prepare::SignedFile;

/// Signs `input` into `output` with `signer`, whose certificate is `certificate` issued
/// through `chain`. For B-T the timestamp is fetched from the TSA in `opts.level`.
pub fn sign_file(
    input: &Path,
    output: &Path,
    signer: &dyn Signer,
    certificate: &Certificate,
    chain: &[Certificate],
    opts: &SignOptions,
) -> Result<SignedFile, SignError> {
    sign_file_reporting(input, output, signer, certificate, chain, opts, &|_| {})
}

/// [`sign_file`], reporting how many bytes of the input have been hashed (for progress bars
/// on large files).
pub fn sign_file_reporting(
    input: &Path,
    output: &Path,
    signer: &dyn Signer,
    certificate: &Certificate,
    chain: &[Certificate],
    opts: &SignOptions,
    progress: Progress<'_>,
) -> Result<SignedFile, SignError> {
    if &certificate.tbs_certificate.subject_public_key_info != signer.public_key() {
        return Err(SignError::CertificateKeyMismatch);
    }
    let id = SignerIdentity {
        certificate,
        chain,
        algorithm: signer.algorithm(),
    };
    let mut capacity = None;
    // A TSA token larger than the reserve is the one case where the slot is too small:
    // a second pass reserves what the first one needed.
    for _ in 0..2 {
        let prepared = prepare(input, output, &id, opts, capacity, progress)?;
        let signature = signer.sign(&prepared.bytes_to_sign()?)?;
        let token = match &opts.level {
            Level::BB => None,
            Level::BT { tsa_url } => Some(tsp::client::timestamp(
                tsa_url,
                &signature,
                tsp::client::DEFAULT_TIMEOUT,
            )?),
        };
        match prepared.finish(&signature, token.as_ref().map(|t| t.token_der.as_slice())) {
            Err(SignError::ContentsTooSmall { needed, .. }) => {
                capacity = Some((needed + 2048).next_multiple_of(256));
            }
            other => return other,
        }
    }
    Err(SignError::ContentsTooSmall {
        needed: capacity.unwrap_or(0),
        capacity: capacity.unwrap_or(0),
    })
}
