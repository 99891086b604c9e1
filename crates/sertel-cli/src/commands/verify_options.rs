//! The options of `sertel verify`: trust anchors from the trust folder and `--trust`, CRLs from
//! `--crl`, the revocation policy and whether CRLs may be downloaded.

use std::path::{Path, PathBuf};

use sertel_core::i18n::Localized;
use sertel_core::trust::{user_trust_dir, CrlSet, RevocationPolicy, TrustStore};
use sertel_core::verify::{VerifyOptions, DEFAULT_FETCH_TIMEOUT};

use crate::args::{RevocationArg, VerifyArgs};
use crate::exit::CliError;

fn trust_error(path: &Path, e: &impl Localized) -> CliError {
    CliError::failed(
        "trust_unreadable",
        format!(
            "Sertifikat tepercaya {} tidak dapat dibaca: {}",
            path.display(),
            e.message(sertel_core::i18n::Lang::Id)
        ),
        format!(
            "Cannot read the trusted certificate {}: {}",
            path.display(),
            e.message(sertel_core::i18n::Lang::En)
        ),
    )
}

fn crl_error(path: &Path, detail: String) -> CliError {
    CliError::failed(
        "crl_unreadable",
        format!("CRL {} tidak dapat dibaca: {detail}", path.display()),
        format!("Cannot read the CRL {}: {detail}", path.display()),
    )
}

/// Reads a CRL file in DER or PEM.
fn read_crl(path: &Path, crls: &mut CrlSet) -> Result<(), CliError> {
    let bytes = std::fs::read(path).map_err(|e| crl_error(path, e.to_string()))?;
    let der = if bytes.starts_with(b"-----BEGIN") {
        der::pem::decode_vec(&bytes)
            .map_err(|e| crl_error(path, e.to_string()))?
            .1
    } else {
        bytes
    };
    crls.add_der(&der)
        .map_err(|e| crl_error(path, e.message(sertel_core::i18n::Lang::En)))?;
    Ok(())
}

/// The trust anchors: the trust folder's certificates and each of `extra` (a file or folder).
pub fn trust_store(extra: &[PathBuf]) -> Result<TrustStore, CliError> {
    let mut trust = TrustStore::new();
    if let Some(dir) = user_trust_dir().filter(|d| d.is_dir()) {
        trust.add_dir(&dir).map_err(|e| trust_error(&dir, &e))?;
    }
    for path in extra {
        let added = if path.is_dir() {
            trust.add_dir(path).map(|_| ())
        } else {
            trust.add_file(path).map(|_| ())
        };
        added.map_err(|e| trust_error(path, &e))?;
    }
    Ok(trust)
}

/// [`trust_store`] for long-term validation data, which needs at least one anchor to end the
/// paths at.
pub fn ltv_options(extra: &[PathBuf]) -> Result<sertel_core::pades::ltv::LtvOptions, CliError> {
    let trust = trust_store(extra)?;
    if trust.is_empty() {
        return Err(CliError::usage(
            "Data validasi jangka panjang memerlukan sertifikat akar penerbit yang tepercaya: \
             simpan di folder kepercayaan atau berikan dengan --trust",
            "Long-term validation data needs the issuer's root certificate trusted: put it in \
             the trust folder or give it with --trust",
        ));
    }
    Ok(sertel_core::pades::ltv::LtvOptions::trusting(trust))
}

/// Builds the verification options from the command line and the trust folder.
pub fn options(args: &VerifyArgs) -> Result<VerifyOptions, CliError> {
    let trust = trust_store(&args.trust)?;
    let mut crls = CrlSet::new();
    for path in &args.crl {
        read_crl(path, &mut crls)?;
    }
    let mut options = VerifyOptions::trusting(trust);
    options.crls = crls;
    options.revocation = match args.revocation {
        RevocationArg::Soft => RevocationPolicy::SoftFail,
        RevocationArg::Hard => RevocationPolicy::HardFail,
    };
    options.fetch = (!args.offline).then_some(DEFAULT_FETCH_TIMEOUT);
    Ok(options)
}
