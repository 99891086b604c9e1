//! NSS's own verdict on each signer's certificate chain, via `vfychain`, for when pdfsig's
//! certificate line cannot be relied on (poppler 22.12 misreports accepted chains).

use std::fs;
use std::path::Path;

use cms::cert::CertificateChoices;
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier};
use der::{Decode, Encode, SliceReader};
use x509_cert::ext::pkix::SubjectKeyIdentifier;
use x509_cert::Certificate;

use super::nss::NssDb;
use super::tool::{self, ToolRun};

/// NSS's verdict on one signature's signer certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NssChainCheck {
    /// `vfychain` said "Chain is good!": the signer's certificate chains to a trusted root
    /// for e-mail signing (NSS's usage for document signers), valid now.
    pub trusted: bool,
    /// The signer certificate's subject, or why it could not be found.
    pub signer: String,
    /// The raw `vfychain` run (absent if the signature could not be read).
    pub output: Option<ToolRun>,
}

/// For each signature of `pdf`, in file order, asks NSS whether its signer certificate
/// chains to `root_pem`: the CMS blobs come from `pdfsig -nocert -dump`, the signer
/// certificate is the one the SignerInfo names, the other certificates of the blob are
/// offered as intermediates, and `vfychain -d sql:<db> -pp -u 4 <signer> <others...>` (PKIX
/// path building, e-mail signer usage) judges them against a database trusting only the root.
pub fn nss_verify_signers(pdf: &Path, root_pem: &Path) -> Vec<NssChainCheck> {
    let db = NssDb::trusting(&[root_pem]);
    let work = tempfile::tempdir().expect("temporary directory for signature dumps");
    let dump = tool::run_in(
        "pdfsig",
        ["-nocert".as_ref(), "-dump".as_ref(), pdf.as_os_str()],
        Some(work.path()),
    );
    let base = pdf
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut checks = Vec::new();
    for i in 0.. {
        let blob = work.path().join(format!("{base}.sig{i}"));
        let Ok(bytes) = fs::read(&blob) else { break };
        checks.push(match signer_and_others(&bytes) {
            Ok((signer, others)) => verify(&db, work.path(), i, &signer, &others),
            Err(why) => NssChainCheck {
                trusted: false,
                signer: why,
                output: None,
            },
        });
    }
    if checks.is_empty() && dump.code != Some(0) && dump.code != Some(2) {
        checks.push(NssChainCheck {
            trusted: false,
            signer: "pdfsig could not read the file".into(),
            output: Some(dump),
        });
    }
    checks
}

fn verify(
    db: &NssDb,
    dir: &Path,
    i: usize,
    signer: &Certificate,
    others: &[Certificate],
) -> NssChainCheck {
    let mut files = Vec::new();
    for (k, cert) in std::iter::once(signer).chain(others).enumerate() {
        let path = dir.join(format!("sig{i}-cert{k}.der"));
        fs::write(&path, cert.to_der().expect("re-encode a certificate"))
            .expect("write certificate");
        files.push(path);
    }
    let mut args = vec![
        "-d".as_ref(),
        db.spec().as_ref(),
        "-pp".as_ref(),
        "-u".as_ref(),
        "4".as_ref(),
    ];
    args.extend(files.iter().map(|f| f.as_os_str()));
    let output = tool::run("vfychain", args);
    NssChainCheck {
        // vfychain prints the good verdict on stderr and the bad one on stdout.
        trusted: output.code == Some(0) && output.stderr.contains("Chain is good!"),
        signer: signer.tbs_certificate.subject.to_string(),
        output: Some(output),
    }
}

/// The signer certificate named by the first SignerInfo, and the blob's other certificates.
fn signer_and_others(blob: &[u8]) -> Result<(Certificate, Vec<Certificate>), String> {
    // /Contents is zero-padded after the DER value: decode one value and ignore the rest.
    let mut reader = SliceReader::new(blob).map_err(|e| format!("unreadable signature: {e}"))?;
    let info = ContentInfo::decode(&mut reader).map_err(|e| format!("not CMS: {e}"))?;
    let signed: SignedData = info
        .content
        .decode_as()
        .map_err(|e| format!("not SignedData: {e}"))?;
    let certs: Vec<Certificate> = signed
        .certificates
        .map(|set| set.0.into_vec())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|choice| match choice {
            CertificateChoices::Certificate(cert) => Some(cert),
            CertificateChoices::Other(_) => None,
        })
        .collect();
    let sid = &signed.signer_infos.0.get(0).ok_or("no SignerInfo")?.sid;
    let position = certs
        .iter()
        .position(|cert| names(cert, sid))
        .ok_or("signer certificate not embedded")?;
    let mut others = certs;
    let signer = others.remove(position);
    Ok((signer, others))
}

fn names(cert: &Certificate, sid: &SignerIdentifier) -> bool {
    let tbs = &cert.tbs_certificate;
    match sid {
        SignerIdentifier::IssuerAndSerialNumber(id) => {
            tbs.issuer == id.issuer && tbs.serial_number == id.serial_number
        }
        SignerIdentifier::SubjectKeyIdentifier(ski) => tbs
            .get::<SubjectKeyIdentifier>()
            .ok()
            .flatten()
            .is_some_and(|(_, own)| own == *ski),
    }
}
