//! What a signature brings for judging trust in its signer: the signer's certificate, the other
//! certificates and revocation information in the CMS, and the time a timestamp proves.

use cms::cert::CertificateChoices;
use cms::revocation::RevocationInfoChoice;
use cms::signed_data::{SignedData, SignerInfo};
use der::Encode;
use time::OffsetDateTime;
use x509_cert::Certificate;

use crate::cms::oids::ID_ADBE_REVOCATION_INFO_ARCHIVAL;
use crate::cms::revocation_archival::RevocationInfoArchival;

/// A timestamp token's signer, the certificates the token carries, and the time it proves.
#[derive(Clone, Debug)]
pub struct TimestampEvidence {
    /// The timestamping authority's certificate (DER).
    pub signer: Vec<u8>,
    /// Every certificate in the token (DER).
    pub certificates: Vec<Vec<u8>>,
    /// The time the token proves (`genTime`).
    pub time: OffsetDateTime,
}

/// The material for the trust layer, gathered while the CMS layer checked a signature.
#[derive(Clone, Debug)]
pub struct Evidence {
    /// The signer's certificate (DER); for a document timestamp, the authority's.
    pub signer: Vec<u8>,
    /// Every certificate in the CMS (DER).
    pub certificates: Vec<Vec<u8>>,
    /// CRLs from the CMS and from the `adbe-revocationInfoArchival` attribute (DER).
    pub crls: Vec<Vec<u8>>,
    /// OCSP responses from the `adbe-revocationInfoArchival` attribute (DER).
    pub ocsp: Vec<Vec<u8>>,
    /// The signature timestamp, when it verified.
    pub timestamp: Option<TimestampEvidence>,
    /// The signature is itself a document timestamp: its signer is a timestamping authority.
    pub document_timestamp: bool,
}

/// Every certificate in `sd` (DER).
pub fn certificates(sd: &SignedData) -> Vec<Vec<u8>> {
    sd.certificates
        .as_ref()
        .map(|set| {
            set.0
                .iter()
                .filter_map(|c| match c {
                    CertificateChoices::Certificate(c) => c.to_der().ok(),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

impl Evidence {
    /// The evidence of signer `si` of `sd`, whose certificate is `signer`.
    pub fn gather(sd: &SignedData, si: &SignerInfo, signer: &Certificate) -> Evidence {
        let mut crls: Vec<Vec<u8>> = sd
            .crls
            .as_ref()
            .map(|set| {
                set.0
                    .iter()
                    .filter_map(|c| match c {
                        RevocationInfoChoice::Crl(crl) => crl.to_der().ok(),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let archival = si
            .signed_attrs
            .as_ref()
            .and_then(|attrs| {
                attrs
                    .iter()
                    .find(|a| a.oid == ID_ADBE_REVOCATION_INFO_ARCHIVAL)
            })
            .and_then(|a| a.values.get(0))
            .and_then(|v| v.decode_as::<RevocationInfoArchival>().ok())
            .unwrap_or_default();
        crls.extend(archival.crls_der());
        Evidence {
            signer: signer.to_der().unwrap_or_default(),
            certificates: certificates(sd),
            crls,
            ocsp: archival.ocsp_der(),
            timestamp: None,
            document_timestamp: false,
        }
    }
}
