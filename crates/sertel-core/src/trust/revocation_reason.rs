//! Why a certificate was revoked (the CRL reason code, RFC 5280 §5.3.1), and why its
//! revocation status could not be established.

use crate::i18n::{Lang, Localized};

/// The reason a CRL gives for a revocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RevocationReason {
    /// No reason given, or `unspecified`.
    Unspecified,
    /// The subject's private key was compromised.
    KeyCompromise,
    /// The CA's private key was compromised.
    CaCompromise,
    /// The subject's name or other details changed.
    AffiliationChanged,
    /// The certificate was replaced.
    Superseded,
    /// The certificate is no longer needed.
    CessationOfOperation,
    /// The certificate is on hold (temporarily suspended).
    CertificateHold,
    /// A privilege granted by the certificate was withdrawn.
    PrivilegeWithdrawn,
    /// The attribute authority was compromised.
    AaCompromise,
}

impl RevocationReason {
    /// The reason for a CRLReason code; `None` for `removeFromCRL` (8), which is not a
    /// revocation; unassigned codes count as unspecified.
    pub fn from_code(code: u32) -> Option<RevocationReason> {
        use RevocationReason::*;
        Some(match code {
            1 => KeyCompromise,
            2 => CaCompromise,
            3 => AffiliationChanged,
            4 => Superseded,
            5 => CessationOfOperation,
            6 => CertificateHold,
            8 => return None,
            9 => PrivilegeWithdrawn,
            10 => AaCompromise,
            _ => Unspecified,
        })
    }

    /// The CRLReason code of the reason (RFC 5280 §5.3.1).
    pub fn code(self) -> u32 {
        use RevocationReason::*;
        match self {
            Unspecified => 0,
            KeyCompromise => 1,
            CaCompromise => 2,
            AffiliationChanged => 3,
            Superseded => 4,
            CessationOfOperation => 5,
            CertificateHold => 6,
            PrivilegeWithdrawn => 9,
            AaCompromise => 10,
        }
    }

    fn texts(self) -> (&'static str, &'static str, &'static str) {
        use RevocationReason::*;
        match self {
            Unspecified => ("unspecified", "tanpa alasan", "no reason given"),
            KeyCompromise => ("key_compromise", "kunci bocor", "key compromise"),
            CaCompromise => ("ca_compromise", "kunci CA bocor", "CA key compromise"),
            AffiliationChanged => (
                "affiliation_changed",
                "data pemilik berubah",
                "affiliation changed",
            ),
            Superseded => ("superseded", "telah diganti", "superseded"),
            CessationOfOperation => (
                "cessation_of_operation",
                "tidak digunakan lagi",
                "cessation of operation",
            ),
            CertificateHold => ("certificate_hold", "ditangguhkan", "on hold"),
            PrivilegeWithdrawn => ("privilege_withdrawn", "hak dicabut", "privilege withdrawn"),
            AaCompromise => (
                "aa_compromise",
                "kunci otoritas atribut bocor",
                "AA compromise",
            ),
        }
    }
}

impl Localized for RevocationReason {
    fn kind(&self) -> &'static str {
        self.texts().0
    }

    fn message(&self, lang: Lang) -> String {
        let (_, id, en) = self.texts();
        lang.pick(id, en).to_owned()
    }
}

/// Why a certificate's revocation status is unknown.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UnknownRevocation {
    /// Not checked: the path failed before revocation was looked at.
    NotChecked,
    /// No CRL given covers the certificate, and no OCSP response names it.
    NoCrl,
    /// The CRLs that cover the certificate were out of date at the validation time (their
    /// nextUpdate had passed).
    CrlOutdated,
    /// A CRL that covers the certificate does not verify with any key allowed to sign it.
    CrlSignatureInvalid,
    /// The CRL's issuer could not be validated to the same trust anchor, or its key may not
    /// sign CRLs.
    CrlIssuerNotTrusted,
    /// A CRL that covers the certificate uses something Sertel does not process (an unknown
    /// critical extension, a delta CRL).
    CrlUnsupported(String),
    /// The CRLs cover the certificate only for some revocation reasons.
    ReasonsNotCovered,
    /// An OCSP response about the certificate does not verify with its responder's key, or
    /// names a responder no certificate at hand matches.
    OcspSignatureInvalid,
    /// An OCSP response about the certificate is signed by a responder the certificate's
    /// issuer did not authorize, or whose own certificate could not be validated.
    OcspResponderNotTrusted,
    /// The OCSP responses about the certificate were out of date at the validation time.
    OcspOutdated,
    /// The OCSP responder does not know the certificate (status "unknown").
    OcspCertificateUnknown,
    /// An OCSP response about the certificate uses something Sertel does not process (a
    /// critical extension, a signature algorithm).
    OcspUnsupported(String),
}

impl Localized for UnknownRevocation {
    fn kind(&self) -> &'static str {
        use UnknownRevocation::*;
        match self {
            NotChecked => "revocation_not_checked",
            NoCrl => "revocation_no_crl",
            CrlOutdated => "revocation_crl_outdated",
            CrlSignatureInvalid => "revocation_crl_signature_invalid",
            CrlIssuerNotTrusted => "revocation_crl_issuer_not_trusted",
            CrlUnsupported(_) => "revocation_crl_unsupported",
            ReasonsNotCovered => "revocation_reasons_not_covered",
            OcspSignatureInvalid => "revocation_ocsp_signature_invalid",
            OcspResponderNotTrusted => "revocation_ocsp_responder_not_trusted",
            OcspOutdated => "revocation_ocsp_outdated",
            OcspCertificateUnknown => "revocation_ocsp_certificate_unknown",
            OcspUnsupported(_) => "revocation_ocsp_unsupported",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use UnknownRevocation::*;
        match self {
            NotChecked => lang.pick(
                "status pencabutan tidak diperiksa karena rantai sudah gagal",
                "revocation was not checked because the path had already failed",
            ),
            NoCrl => lang.pick(
                "tidak ada CRL maupun jawaban OCSP yang mencakup sertifikat ini",
                "no CRL or OCSP response covers this certificate",
            ),
            CrlOutdated => lang.pick(
                "CRL yang tersedia sudah kedaluwarsa pada waktu validasi",
                "the available CRLs were out of date at the validation time",
            ),
            CrlSignatureInvalid => lang.pick(
                "tanda tangan CRL tidak sah",
                "the CRL's signature is not valid",
            ),
            CrlIssuerNotTrusted => lang.pick(
                "penerbit CRL tidak dapat divalidasi atau tidak berwenang menerbitkan CRL",
                "the CRL issuer could not be validated or may not issue CRLs",
            ),
            CrlUnsupported(d) => {
                return lang
                    .pick(
                        "CRL memakai fitur yang tidak didukung: ",
                        "the CRL uses an unsupported feature: ",
                    )
                    .to_owned()
                    + d;
            }
            ReasonsNotCovered => lang.pick(
                "CRL hanya mencakup sebagian alasan pencabutan",
                "the CRLs cover only some revocation reasons",
            ),
            OcspSignatureInvalid => lang.pick(
                "tanda tangan jawaban OCSP tidak sah",
                "the OCSP response's signature is not valid",
            ),
            OcspResponderNotTrusted => lang.pick(
                "responder OCSP tidak berwenang atau sertifikatnya tidak dapat divalidasi",
                "the OCSP responder is not authorized or its certificate could not be validated",
            ),
            OcspOutdated => lang.pick(
                "jawaban OCSP yang tersedia sudah kedaluwarsa pada waktu validasi",
                "the available OCSP responses were out of date at the validation time",
            ),
            OcspCertificateUnknown => lang.pick(
                "responder OCSP tidak mengenal sertifikat ini",
                "the OCSP responder does not know this certificate",
            ),
            OcspUnsupported(d) => {
                return lang
                    .pick(
                        "jawaban OCSP memakai fitur yang tidak didukung: ",
                        "the OCSP response uses an unsupported feature: ",
                    )
                    .to_owned()
                    + d;
            }
        }
        .to_owned()
    }
}
