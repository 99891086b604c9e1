//! The overall conclusion about a signature in the terms of ETSI EN 319 102-1 §5.1.3: a main
//! indication (TOTAL-PASSED, TOTAL-FAILED, INDETERMINATE) and, unless passed, a
//! sub-indication saying why.

use serde::Serialize;

use crate::i18n::{Lang, Localized};

/// The main status indication.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Indication {
    /// Every check passed: intact, cryptographically valid, nothing disallowed changed, and the
    /// signer's certificate validated to a trust anchor.
    TotalPassed,
    /// A check failed: the document was altered, the signature is forged, or the certificate
    /// was revoked or outside its validity when the signature was proven to exist.
    TotalFailed,
    /// Neither could be concluded: something is missing or unsupported.
    Indeterminate,
}

/// The sub-indication (the names of ETSI EN 319 102-1 §5.1.3 table 5 and 6, as written there).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum SubIndication {
    /// The signature or the document is not as the formats require; for Sertel also a change
    /// after signing that the signature does not permit.
    FormatFailure,
    /// The signed content's digest does not match.
    HashFailure,
    /// The signature value (or a timestamp's) does not verify.
    SigCryptoFailure,
    /// The signer's certificate was revoked before the time the signature is proven to exist.
    Revoked,
    /// The signer's certificate had expired before the time the signature is proven to exist.
    Expired,
    /// The signer's certificate was not yet valid when the signature was made.
    NotYetValid,
    /// The certificate chain breaks a constraint (basic constraints, key usage, names, ...).
    ChainConstraintsFailure,
    /// The chain could not be checked for a reason not covered by another sub-indication.
    CertificateChainGeneralFailure,
    /// An algorithm or key is not one Sertel checks.
    CryptoConstraintsFailure,
    /// The signer's certificate is not in the signature.
    NoSigningCertificateFound,
    /// No chain to a trusted anchor was found.
    NoCertificateChainFound,
    /// The signer's certificate is revoked and no proof of existence shows the signature was
    /// made before.
    RevokedNoPoe,
    /// A CA certificate of the chain is revoked and no proof of existence shows the signature
    /// was made before.
    RevokedCaNoPoe,
    /// The validation time is outside the certificate's validity and no proof of existence
    /// shows the signature was made within it.
    OutOfBoundsNoPoe,
    /// The revocation status could not be established now; trying later (or online) may
    /// decide.
    TryLater,
    /// There is no signature to validate.
    SignedDataNotFound,
}

/// An indication with its sub-indication.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Conclusion {
    /// The main indication.
    pub indication: Indication,
    /// Why, unless passed.
    pub sub_indication: Option<SubIndication>,
}

impl Conclusion {
    /// TOTAL-PASSED.
    pub const PASSED: Conclusion = Conclusion {
        indication: Indication::TotalPassed,
        sub_indication: None,
    };

    /// TOTAL-FAILED with `sub`.
    pub fn failed(sub: SubIndication) -> Conclusion {
        Conclusion {
            indication: Indication::TotalFailed,
            sub_indication: Some(sub),
        }
    }

    /// INDETERMINATE with `sub`.
    pub fn indeterminate(sub: SubIndication) -> Conclusion {
        Conclusion {
            indication: Indication::Indeterminate,
            sub_indication: Some(sub),
        }
    }

    /// How bad it is: passed 0, indeterminate 1, failed 2.
    pub fn severity(&self) -> u8 {
        match self.indication {
            Indication::TotalPassed => 0,
            Indication::Indeterminate => 1,
            Indication::TotalFailed => 2,
        }
    }
}

impl Indication {
    /// The name ETSI EN 319 102-1 uses.
    pub fn etsi_name(self) -> &'static str {
        match self {
            Indication::TotalPassed => "TOTAL-PASSED",
            Indication::TotalFailed => "TOTAL-FAILED",
            Indication::Indeterminate => "INDETERMINATE",
        }
    }
}

impl SubIndication {
    /// The name ETSI EN 319 102-1 uses.
    pub fn etsi_name(self) -> &'static str {
        use SubIndication::*;
        match self {
            FormatFailure => "FORMAT_FAILURE",
            HashFailure => "HASH_FAILURE",
            SigCryptoFailure => "SIG_CRYPTO_FAILURE",
            Revoked => "REVOKED",
            Expired => "EXPIRED",
            NotYetValid => "NOT_YET_VALID",
            ChainConstraintsFailure => "CHAIN_CONSTRAINTS_FAILURE",
            CertificateChainGeneralFailure => "CERTIFICATE_CHAIN_GENERAL_FAILURE",
            CryptoConstraintsFailure => "CRYPTO_CONSTRAINTS_FAILURE",
            NoSigningCertificateFound => "NO_SIGNING_CERTIFICATE_FOUND",
            NoCertificateChainFound => "NO_CERTIFICATE_CHAIN_FOUND",
            RevokedNoPoe => "REVOKED_NO_POE",
            RevokedCaNoPoe => "REVOKED_CA_NO_POE",
            OutOfBoundsNoPoe => "OUT_OF_BOUNDS_NO_POE",
            TryLater => "TRY_LATER",
            SignedDataNotFound => "SIGNED_DATA_NOT_FOUND",
        }
    }
}

impl Localized for Conclusion {
    fn kind(&self) -> &'static str {
        match self.sub_indication {
            None => self.indication.etsi_name(),
            Some(s) => s.etsi_name(),
        }
    }

    fn message(&self, lang: Lang) -> String {
        use SubIndication::*;
        let head = match self.indication {
            Indication::TotalPassed => lang.pick(
                "SAH: dokumen utuh, tanda tangan benar, sertifikat tepercaya",
                "VALID: intact document, genuine signature, trusted certificate",
            ),
            Indication::TotalFailed => lang.pick("TIDAK SAH", "INVALID"),
            Indication::Indeterminate => lang.pick("TIDAK DAPAT DITENTUKAN", "INDETERMINATE"),
        };
        let Some(sub) = self.sub_indication else {
            return head.to_owned();
        };
        let why = match sub {
            FormatFailure => lang.pick(
                "struktur tanda tangan atau dokumen tidak sesuai, atau dokumen diubah dengan cara yang tidak diizinkan",
                "the signature or document structure is wrong, or the document was changed in a way the signature does not permit",
            ),
            HashFailure => lang.pick(
                "isi dokumen yang ditandatangani telah diubah",
                "the signed content was altered",
            ),
            SigCryptoFailure => lang.pick(
                "nilai tanda tangan tidak cocok dengan kunci penanda tangan",
                "the signature value does not verify with the signer's key",
            ),
            Revoked => lang.pick(
                "sertifikat penanda tangan sudah dicabut sebelum waktu penandatanganan yang terbukti",
                "the signer's certificate was revoked before the proven signing time",
            ),
            Expired => lang.pick(
                "sertifikat penanda tangan sudah kedaluwarsa sebelum waktu penandatanganan yang terbukti",
                "the signer's certificate had expired before the proven signing time",
            ),
            NotYetValid => lang.pick(
                "sertifikat penanda tangan belum berlaku saat penandatanganan",
                "the signer's certificate was not yet valid at signing time",
            ),
            ChainConstraintsFailure => lang.pick(
                "rantai sertifikat melanggar batasan (CA, penggunaan kunci, nama)",
                "the certificate chain breaks a constraint (CA, key usage, names)",
            ),
            CertificateChainGeneralFailure => lang.pick(
                "rantai sertifikat tidak dapat diperiksa",
                "the certificate chain could not be checked",
            ),
            CryptoConstraintsFailure => lang.pick(
                "algoritma atau kunci tidak didukung",
                "an algorithm or key is not supported",
            ),
            NoSigningCertificateFound => lang.pick(
                "sertifikat penanda tangan tidak ditemukan",
                "the signer's certificate was not found",
            ),
            NoCertificateChainFound => lang.pick(
                "tidak ada rantai sertifikat menuju sertifikat akar yang Anda percayai",
                "no certificate chain leads to a trust anchor you imported",
            ),
            RevokedNoPoe => lang.pick(
                "sertifikat penanda tangan sudah dicabut dan tidak ada penanda waktu yang membuktikan penandatanganan sebelumnya",
                "the signer's certificate is revoked and no timestamp proves the signature was made before",
            ),
            RevokedCaNoPoe => lang.pick(
                "sertifikat CA dalam rantai sudah dicabut dan tidak ada penanda waktu yang membuktikan penandatanganan sebelumnya",
                "a CA certificate of the chain is revoked and no timestamp proves the signature was made before",
            ),
            OutOfBoundsNoPoe => lang.pick(
                "sertifikat tidak berlaku pada waktu validasi dan tidak ada penanda waktu yang membuktikan penandatanganan saat masih berlaku",
                "the certificate is not valid at the validation time and no timestamp proves the signature was made while it was",
            ),
            TryLater => lang.pick(
                "status pencabutan sertifikat belum dapat dipastikan; coba lagi dengan akses daring atau CRL terbaru",
                "the revocation status could not be established; try again online or with a current CRL",
            ),
            SignedDataNotFound => lang.pick(
                "dokumen tidak memuat tanda tangan",
                "the document has no signature",
            ),
        };
        format!("{head} ({}): {why}", self.kind())
    }
}
