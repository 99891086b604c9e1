//! What verification found, per signature and for the file.

use std::path::PathBuf;

use serde::Serialize;

use super::conclusion::{Conclusion, SubIndication};
use super::fields::SignedField;
use crate::i18n::{Lang, Localized, Text};

/// A problem found in one signature.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Finding {
    /// `/ByteRange` is missing or not four non-negative integers starting at 0.
    ByteRangeMalformed,
    /// The ranges leave more or less out than exactly the `/Contents` string.
    ByteRangeNotContents,
    /// The ranges run past the end of the file.
    ByteRangeOutOfFile,
    /// The signature covers up to an offset that is not the end of a revision.
    CoverageMidRevision,
    /// `/Contents` is missing, too large, or not a hex string.
    ContentsMalformed,
    /// The CMS structure could not be decoded.
    CmsMalformed(String),
    /// The CMS uses something Sertel does not check.
    CmsUnsupported(String),
    /// The signed content's digest differs from the one in the signature.
    DigestMismatch,
    /// The signer's certificate is not in the signature.
    SignerCertificateMissing,
    /// The ESS signing-certificate attribute names another certificate.
    SigningCertificateMismatch,
    /// The signature value does not verify with the signer's key.
    SignatureInvalid(String),
    /// The signature timestamp token does not match or does not verify.
    TimestampInvalid(String),
    /// A change after signing that the signature does not permit.
    Modified(super::changes::Violation),
    /// The later revisions could not be compared.
    ModificationsUnchecked(String),
    /// The signer's certification path is not valid, or could not be validated.
    Trust(Text),
    /// Something about the path that does not decide it (an unknown revocation status accepted
    /// by the soft-fail policy, a revocation after the validation time).
    TrustWarning(Text),
    /// The signature timestamp verifies but its authority is not trusted, so its time does not
    /// count as proof of when the signature existed.
    TimestampUntrusted(Text),
}

impl Localized for Finding {
    fn kind(&self) -> &'static str {
        match self {
            Finding::ByteRangeMalformed => "byte_range_malformed",
            Finding::ByteRangeNotContents => "byte_range_not_contents",
            Finding::ByteRangeOutOfFile => "byte_range_out_of_file",
            Finding::CoverageMidRevision => "coverage_mid_revision",
            Finding::ContentsMalformed => "contents_malformed",
            Finding::CmsMalformed(_) => "cms_malformed",
            Finding::CmsUnsupported(_) => "cms_unsupported",
            Finding::DigestMismatch => "digest_mismatch",
            Finding::SignerCertificateMissing => "signer_certificate_missing",
            Finding::SigningCertificateMismatch => "signing_certificate_mismatch",
            Finding::SignatureInvalid(_) => "signature_invalid",
            Finding::TimestampInvalid(_) => "timestamp_invalid",
            Finding::Modified(v) => v.kind(),
            Finding::ModificationsUnchecked(_) => "modifications_unchecked",
            Finding::Trust(t) | Finding::TrustWarning(t) | Finding::TimestampUntrusted(t) => t.kind,
        }
    }

    fn message(&self, lang: Lang) -> String {
        use Finding::*;
        let (id, en) = match self {
            Modified(v) => return v.message(lang),
            Trust(t) | TrustWarning(t) => return t.message(lang),
            TimestampUntrusted(t) => (
                format!(
                    "Penanda waktu tidak tepercaya, waktunya tidak dipakai: {}",
                    t.message(Lang::Id)
                ),
                format!(
                    "The timestamp is not trusted, its time is not used: {}",
                    t.message(Lang::En)
                ),
            ),
            ModificationsUnchecked(d) => (
                format!("Perubahan setelah penandatanganan tidak dapat diperiksa: {d}"),
                format!("Changes after signing could not be checked: {d}"),
            ),
            ByteRangeMalformed => (
                "/ByteRange rusak atau tidak ada".into(),
                "/ByteRange is malformed or missing".into(),
            ),
            ByteRangeNotContents => (
                "/ByteRange tidak mengecualikan tepat isi tanda tangan".into(),
                "/ByteRange does not exclude exactly the signature contents".into(),
            ),
            ByteRangeOutOfFile => (
                "/ByteRange melewati akhir berkas".into(),
                "/ByteRange runs past the end of the file".into(),
            ),
            CoverageMidRevision => (
                "Tanda tangan berakhir di tengah revisi dokumen".into(),
                "The signature ends in the middle of a document revision".into(),
            ),
            ContentsMalformed => ("/Contents rusak".into(), "/Contents is malformed".into()),
            CmsMalformed(d) => (
                format!("Struktur CMS rusak: {d}"),
                format!("Malformed CMS structure: {d}"),
            ),
            CmsUnsupported(d) => (
                format!("CMS tidak didukung: {d}"),
                format!("Unsupported CMS: {d}"),
            ),
            DigestMismatch => (
                "Dokumen telah diubah: nilai hash tidak cocok dengan tanda tangan".into(),
                "The document was altered: its digest does not match the signature".into(),
            ),
            SignerCertificateMissing => (
                "Sertifikat penanda tangan tidak ada di dalam tanda tangan".into(),
                "The signer's certificate is not in the signature".into(),
            ),
            SigningCertificateMismatch => (
                "Atribut signing-certificate menunjuk sertifikat lain".into(),
                "The signing-certificate attribute names another certificate".into(),
            ),
            SignatureInvalid(d) => (
                format!("Nilai tanda tangan tidak sah: {d}"),
                format!("The signature value does not verify: {d}"),
            ),
            TimestampInvalid(d) => (
                format!("Penanda waktu tidak sah: {d}"),
                format!("The timestamp is not valid: {d}"),
            ),
        };
        lang.pick(id, en)
    }
}

/// One certificate of the signer's chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChainLink {
    /// The full subject name.
    pub subject: String,
    /// The common name, or the subject when there is none: what a reader recognises.
    pub name: String,
}

/// The outcome of one check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    /// Checked and fine.
    Passed,
    /// Checked and wrong.
    Failed,
    /// Could not be checked (a prerequisite failed or the feature is absent).
    NotChecked,
}

/// The conclusion for one signature at this layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Verdict {
    /// Intact and cryptographically valid (trust in the signer is not judged here).
    Valid,
    /// Altered or forged.
    Invalid,
    /// Could not be decided.
    Indeterminate,
}

/// What was found about one signature.
#[derive(Clone, Debug, Serialize)]
pub struct SignatureReport {
    /// The signature field's name.
    pub field: String,
    /// The signer's common name, from the certificate in the signature.
    pub signer: Option<String>,
    /// The signer's certificate is an agency's electronic seal (QcType `id-etsi-qct-eseal`):
    /// `signer` is then the agency's name.
    pub seal: bool,
    /// The `/SubFilter`.
    pub sub_filter: Option<String>,
    /// The claimed signing time (`/M`), as written.
    pub claimed_time: Option<String>,
    /// The time the signature timestamp proves, as Unix seconds.
    pub timestamp_time: Option<u64>,
    /// The `/ByteRange`.
    pub byte_range: Vec<i64>,
    /// The signature covers the whole file.
    pub covers_whole_file: bool,
    /// The file offset the signature covers up to.
    pub signed_length: u64,
    /// Byte ranges and digest.
    pub integrity: Check,
    /// Signature value with the signer's key.
    pub signature: Check,
    /// Signature timestamp, if one is present.
    pub timestamp: Check,
    /// What changed after signing: passed when nothing did or only permitted changes.
    pub modifications: Check,
    /// The signer's certification path to a trust anchor.
    pub trust: Check,
    /// The revocation status of every certificate of the path: passed when each was
    /// established as not revoked.
    pub revocation: Check,
    /// The signer's certificate and its issuers up to the trust anchor.
    pub chain: Vec<ChainLink>,
    /// The time the path was validated at (Unix seconds): the trusted timestamp's, or now.
    pub validation_time: Option<i64>,
    /// The PAdES baseline level reached (B-B … B-LTA), once the trust layer ran; none for a
    /// document timestamp.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<super::ltv::Level>,
    /// The changes after signing, when there were later revisions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<super::changes::Changes>,
    /// Problems found.
    pub findings: Vec<Finding>,
    /// The conclusion of the integrity and cryptographic layer (trust not included).
    pub verdict: Verdict,
    /// The overall conclusion, trust included (ETSI EN 319 102-1).
    pub conclusion: Conclusion,
    /// What the trust layer concluded, if it ran.
    #[serde(skip)]
    pub trust_conclusion: Option<Conclusion>,
}

impl SignatureReport {
    /// An empty report for `field`: nothing checked yet.
    pub fn new(field: &SignedField) -> SignatureReport {
        let name = |k: &[u8]| match field.value.get(k) {
            Some(sertel_pdf::Object::Name(n)) => Some(String::from_utf8_lossy(&n.0).into_owned()),
            _ => None,
        };
        let claimed_time = match field.value.get(b"M") {
            Some(sertel_pdf::Object::String(s)) => {
                Some(String::from_utf8_lossy(&s.bytes).into_owned())
            }
            _ => None,
        };
        SignatureReport {
            field: field.name.clone(),
            signer: None,
            seal: false,
            sub_filter: name(b"SubFilter"),
            claimed_time,
            timestamp_time: None,
            byte_range: Vec::new(),
            covers_whole_file: false,
            signed_length: 0,
            integrity: Check::NotChecked,
            signature: Check::NotChecked,
            timestamp: Check::NotChecked,
            modifications: Check::NotChecked,
            trust: Check::NotChecked,
            revocation: Check::NotChecked,
            chain: Vec::new(),
            validation_time: None,
            level: None,
            changes: None,
            findings: Vec::new(),
            verdict: Verdict::Indeterminate,
            conclusion: Conclusion::indeterminate(SubIndication::FormatFailure),
            trust_conclusion: None,
        }
    }

    /// Derives the verdict and the conclusion. The verdict: any failed check makes the
    /// signature invalid; anything unchecked leaves it indeterminate; only all checks passed
    /// make it valid. The conclusion adds the trust layer's.
    pub fn conclude(&mut self) {
        use SubIndication::*;
        let checks = [&self.integrity, &self.signature, &self.modifications];
        self.verdict =
            if checks.iter().any(|c| **c == Check::Failed) || self.timestamp == Check::Failed {
                Verdict::Invalid
            } else if checks.iter().all(|c| **c == Check::Passed) {
                Verdict::Valid
            } else {
                Verdict::Indeterminate
            };
        self.conclusion = if self.integrity == Check::Failed {
            Conclusion::failed(HashFailure)
        } else if self.signature == Check::Failed || self.timestamp == Check::Failed {
            Conclusion::failed(SigCryptoFailure)
        } else if self.modifications == Check::Failed {
            Conclusion::failed(FormatFailure)
        } else if self.verdict != Verdict::Valid {
            Conclusion::indeterminate(self.undecided())
        } else {
            self.trust_conclusion
                .unwrap_or(Conclusion::indeterminate(CertificateChainGeneralFailure))
        };
    }

    /// Why the cryptographic layer could not decide.
    fn undecided(&self) -> SubIndication {
        let first = self.findings.iter().find_map(|f| match f {
            Finding::SignerCertificateMissing => Some(SubIndication::NoSigningCertificateFound),
            Finding::CmsUnsupported(_) => Some(SubIndication::CryptoConstraintsFailure),
            _ => None,
        });
        first.unwrap_or(SubIndication::FormatFailure)
    }
}

/// What was found about a file.
#[derive(Clone, Debug, Serialize)]
pub struct VerifyReport {
    /// The file.
    pub file: PathBuf,
    /// Its size.
    pub size: u64,
    /// How many revisions it has.
    pub revisions: usize,
    /// One report per signed signature field.
    pub signatures: Vec<SignatureReport>,
}

impl VerifyReport {
    /// The worst conclusion over all signatures; a file without signatures is INDETERMINATE
    /// SIGNED_DATA_NOT_FOUND.
    pub fn conclusion(&self) -> Conclusion {
        self.signatures
            .iter()
            .map(|s| s.conclusion)
            .max_by_key(|c| c.severity())
            .unwrap_or(Conclusion::indeterminate(SubIndication::SignedDataNotFound))
    }

    /// The worst verdict over all signatures; a file without signatures is indeterminate.
    pub fn verdict(&self) -> Verdict {
        if self.signatures.is_empty() {
            return Verdict::Indeterminate;
        }
        let vs: Vec<Verdict> = self.signatures.iter().map(|s| s.verdict).collect();
        if vs.contains(&Verdict::Invalid) {
            Verdict::Invalid
        } else if vs.contains(&Verdict::Indeterminate) {
            Verdict::Indeterminate
        } else {
            Verdict::Valid
        }
    }
}
