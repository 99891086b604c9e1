//! Reading a TSA's answer and the token inside it.

use cmpv2::status::PkiStatus;
use cms::signed_data::SignedData;
use der::asn1::{Int, OctetString};
use der::{Decode, Encode};
use x509_tsp::{MessageImprint, TimeStampResp, TstInfo};

use super::TimestampError;
use crate::cms::oids::{ID_CT_TST_INFO, ID_SIGNED_DATA};

/// A timestamp token accepted for a given imprint.
#[derive(Clone, Debug)]
pub struct Timestamp {
    /// The token (`ContentInfo` DER), to embed as the signature-time-stamp attribute.
    pub token_der: Vec<u8>,
    /// The TSA's `TSTInfo`.
    pub info: TstInfo,
}

impl Timestamp {
    /// The time the TSA asserts, as Unix seconds.
    pub fn unix_time(&self) -> u64 {
        self.info.gen_time.to_unix_duration().as_secs()
    }
}

/// Decodes the `TSTInfo` carried in a token (`ContentInfo` DER).
pub fn token_info(token_der: &[u8]) -> Result<TstInfo, TimestampError> {
    let ci = cms::content_info::ContentInfo::from_der(token_der)?;
    if ci.content_type != ID_SIGNED_DATA {
        return Err(TimestampError::Malformed("token is not SignedData".into()));
    }
    let sd: SignedData = ci.content.decode_as()?;
    if sd.encap_content_info.econtent_type != ID_CT_TST_INFO {
        return Err(TimestampError::Malformed(
            "token does not hold a TSTInfo".into(),
        ));
    }
    let econtent = sd
        .encap_content_info
        .econtent
        .ok_or_else(|| TimestampError::Malformed("token has no content".into()))?;
    let octets: OctetString = econtent.decode_as()?;
    Ok(TstInfo::from_der(octets.as_bytes())?)
}

/// Checks a `TimeStampResp` against the request it answers and extracts the token.
pub fn accept(
    response_der: &[u8],
    expected: &MessageImprint,
    nonce: Option<&Int>,
) -> Result<Timestamp, TimestampError> {
    let resp = TimeStampResp::from_der(response_der)?;
    match resp.status.status {
        PkiStatus::Accepted | PkiStatus::GrantedWithMods => {}
        other => {
            let text = resp
                .status
                .status_string
                .iter()
                .flatten()
                .map(|s| s.as_str().to_string())
                .collect::<Vec<_>>()
                .join("; ");
            return Err(TimestampError::Rejected {
                status: other as u8,
                text,
            });
        }
    }
    let token = resp
        .time_stamp_token
        .ok_or_else(|| TimestampError::Malformed("granted response without a token".into()))?;
    let token_der = token.to_der()?;
    let info = token_info(&token_der)?;
    if info.message_imprint.hashed_message != expected.hashed_message
        || info.message_imprint.hash_algorithm.oid != expected.hash_algorithm.oid
    {
        return Err(TimestampError::ImprintMismatch);
    }
    if nonce.is_some() && info.nonce.as_ref() != nonce {
        return Err(TimestampError::NonceMismatch);
    }
    Ok(Timestamp { token_der, info })
}
