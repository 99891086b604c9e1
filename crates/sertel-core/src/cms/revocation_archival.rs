//! The `adbe-revocationInfoArchival` signed attribute: the revocation information a PDF signer
//! embedded when signing (CRLs and OCSP responses for its certificate path).
//!
//! ```text
//! RevocationInfoArchival ::= SEQUENCE {
//!     crl          [0] EXPLICIT SEQUENCE OF CertificateList OPTIONAL,
//!     ocsp         [1] EXPLICIT SEQUENCE OF OCSPResponse OPTIONAL,
//!     otherRevInfo [2] EXPLICIT SEQUENCE OF OtherRevInfo OPTIONAL }
//! ```

use der::{Any, Encode, Sequence};

/// The decoded attribute value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Sequence)]
pub struct RevocationInfoArchival {
    /// CRLs.
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    pub crl: Option<Vec<Any>>,
    /// OCSP responses.
    #[asn1(context_specific = "1", tag_mode = "EXPLICIT", optional = "true")]
    pub ocsp: Option<Vec<Any>>,
    /// Other revocation information (not used by Sertel).
    #[asn1(context_specific = "2", tag_mode = "EXPLICIT", optional = "true")]
    pub other: Option<Vec<Any>>,
}

impl RevocationInfoArchival {
    /// The CRLs in DER; entries that cannot be re-encoded are skipped.
    pub fn crls_der(&self) -> Vec<Vec<u8>> {
        Self::ders(self.crl.as_deref())
    }

    /// The OCSP responses in DER; entries that cannot be re-encoded are skipped.
    pub fn ocsp_der(&self) -> Vec<Vec<u8>> {
        Self::ders(self.ocsp.as_deref())
    }

    fn ders(items: Option<&[Any]>) -> Vec<Vec<u8>> {
        items
            .unwrap_or_default()
            .iter()
            .filter_map(|a| a.to_der().ok())
            .collect()
    }
}
