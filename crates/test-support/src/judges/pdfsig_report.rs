//! Reading poppler's `pdfsig` report: one `Signature #N:` block per signature.

/// `Signature Validation:` — whether the signature value and digest check out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignatureStatus {
    /// "Signature is Valid."
    Valid,
    /// "Signature is Invalid."
    Invalid,
    /// "Digest Mismatch.": the signed bytes were changed.
    DigestMismatch,
    /// "Document isn't signed or corrupted data."
    DecodingError,
    /// "Signature has not yet been verified." (e.g. an unsupported /SubFilter)
    NotVerified,
    /// "Unknown Validation Failure."
    GenericError,
    /// Any other text, verbatim.
    Other(String),
}

/// `Certificate Validation:` — what NSS said about the signer's certificate chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CertificateStatus {
    /// "Certificate is Trusted."
    Trusted,
    /// "Certificate issuer isn't Trusted."
    UntrustedIssuer,
    /// "Certificate issuer is unknown.": no path to a root in the NSS database.
    UnknownIssuer,
    /// "Certificate has been Revoked."
    Revoked,
    /// "Certificate has Expired"
    Expired,
    /// "Certificate has not yet been verified."
    NotVerified,
    /// "Unknown issue with Certificate or corrupted data." Poppler 22.12 (Debian 12) prints
    /// this for chains NSS accepted, because it reads a stale NSS error code after a
    /// successful verification; see [`PdfsigSignature::chain_accepted`].
    GenericError,
    /// Any other text, verbatim.
    Other(String),
}

/// pdfsig's report on one signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PdfsigSignature {
    /// Signature field name.
    pub field: String,
    /// Signer certificate's common name.
    pub signer_common_name: String,
    /// Signer certificate's full distinguished name.
    pub signer_dn: String,
    /// Signing time as pdfsig prints it, e.g. `Nov 24 2026 05:06:59`.
    pub signing_time: String,
    /// Hash algorithm, e.g. `SHA-256`.
    pub hash_algorithm: String,
    /// The /SubFilter: `ETSI.CAdES.detached`, `adbe.pkcs7.detached`, or `unknown`.
    pub signature_type: String,
    /// /ByteRange as `(start, end)` byte offsets, end exclusive.
    pub signed_ranges: Vec<(u64, u64)>,
    /// "Total document signed": the ranges reach the end of the file.
    pub total_document_signed: bool,
    /// Signature value and digest check.
    pub signature: SignatureStatus,
    /// Certificate check; `None` when run with `-nocert`.
    pub certificate: Option<CertificateStatus>,
    /// This signature's block of the output, for assertion messages.
    pub raw: String,
}

impl PdfsigSignature {
    /// NSS built a chain to a trusted root: either "Certificate is Trusted." or, on poppler
    /// 22.12 which misreports success, the generic message. The generic message can also
    /// hide a real failure (e.g. a wrong key usage), so for a firm trust verdict use
    /// [`nss_verify_signers`](crate::judges::nss_verify_signers).
    pub fn chain_accepted(&self) -> bool {
        matches!(
            self.certificate,
            Some(CertificateStatus::Trusted | CertificateStatus::GenericError)
        )
    }
}

fn signature_status(text: &str) -> SignatureStatus {
    match text {
        "Signature is Valid." => SignatureStatus::Valid,
        "Signature is Invalid." => SignatureStatus::Invalid,
        "Digest Mismatch." => SignatureStatus::DigestMismatch,
        "Document isn't signed or corrupted data." => SignatureStatus::DecodingError,
        "Signature has not yet been verified." => SignatureStatus::NotVerified,
        "Unknown Validation Failure." => SignatureStatus::GenericError,
        other => SignatureStatus::Other(other.to_owned()),
    }
}

fn certificate_status(text: &str) -> CertificateStatus {
    match text.trim_end_matches('.') {
        "Certificate is Trusted" => CertificateStatus::Trusted,
        "Certificate issuer isn't Trusted" => CertificateStatus::UntrustedIssuer,
        "Certificate issuer is unknown" => CertificateStatus::UnknownIssuer,
        "Certificate has been Revoked" => CertificateStatus::Revoked,
        "Certificate has Expired" => CertificateStatus::Expired,
        "Certificate has not yet been verified" => CertificateStatus::NotVerified,
        "Unknown issue with Certificate or corrupted data" => CertificateStatus::GenericError,
        _ => CertificateStatus::Other(text.to_owned()),
    }
}

/// Parses `[0 - 1253], [11905 - 12355]`.
fn ranges(text: &str) -> Vec<(u64, u64)> {
    text.split(',')
        .filter_map(|r| {
            let (a, b) = r.trim().trim_matches(['[', ']']).split_once(" - ")?;
            Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
        })
        .collect()
}

fn block(raw: &str) -> PdfsigSignature {
    let mut sig = PdfsigSignature {
        field: String::new(),
        signer_common_name: String::new(),
        signer_dn: String::new(),
        signing_time: String::new(),
        hash_algorithm: String::new(),
        signature_type: String::new(),
        signed_ranges: Vec::new(),
        total_document_signed: false,
        signature: SignatureStatus::Other(String::new()),
        certificate: None,
        raw: raw.to_owned(),
    };
    for line in raw.lines() {
        let Some(item) = line.trim().strip_prefix("- ") else {
            continue;
        };
        if item == "Total document signed" {
            sig.total_document_signed = true;
        }
        let Some((key, value)) = item.split_once(": ") else {
            continue;
        };
        let value = value.trim();
        match key {
            "Signature Field Name" => sig.field = value.to_owned(),
            "Signer Certificate Common Name" => sig.signer_common_name = value.to_owned(),
            "Signer full Distinguished Name" => sig.signer_dn = value.to_owned(),
            "Signing Time" => sig.signing_time = value.to_owned(),
            "Signing Hash Algorithm" => sig.hash_algorithm = value.to_owned(),
            "Signature Type" => sig.signature_type = value.to_owned(),
            "Signed Ranges" => sig.signed_ranges = ranges(value),
            "Signature Validation" => sig.signature = signature_status(value),
            "Certificate Validation" => sig.certificate = Some(certificate_status(value)),
            _ => {}
        }
    }
    sig
}

/// Parses pdfsig's standard output into one entry per `Signature #N:` block.
pub(crate) fn parse(stdout: &str) -> Vec<PdfsigSignature> {
    let mut blocks: Vec<String> = Vec::new();
    for line in stdout.lines() {
        if line.starts_with("Signature #") {
            blocks.push(String::new());
        }
        if let Some(current) = blocks.last_mut() {
            current.push_str(line);
            current.push('\n');
        }
    }
    blocks.iter().map(|b| block(b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_block() {
        let out = "Digital Signature Info of: x.pdf\nSignature #1:\n  - Signature Field Name: Sig1\n  \
                   - Signature Type: ETSI.CAdES.detached\n  - Signed Ranges: [0 - 10], [20 - 30]\n  \
                   - Total document signed\n  - Signature Validation: Signature is Valid.\n  \
                   - Certificate Validation: Certificate has Expired\n";
        let sigs = parse(out);
        assert_eq!(sigs.len(), 1);
        assert_eq!(sigs[0].field, "Sig1");
        assert_eq!(sigs[0].signed_ranges, vec![(0, 10), (20, 30)]);
        assert!(sigs[0].total_document_signed);
        assert_eq!(sigs[0].signature, SignatureStatus::Valid);
        assert_eq!(sigs[0].certificate, Some(CertificateStatus::Expired));
    }
}
