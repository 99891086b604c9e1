//! The authority side of RFC 3161: turning a `TimeStampReq` into a signed token.
//!
//! Used by the server's TSA and by the test TSA. It never fails outright: a request it cannot
//! honour gets a `rejection` response, as RFC 3161 §2.4.2 requires.

use std::sync::Arc;
use std::time::Duration;

use cmpv2::status::{PkiStatus, PkiStatusInfo};
use const_oid::ObjectIdentifier;
use der::asn1::{GeneralizedTime, Int, Utf8StringRef};
use der::{Decode, Encode};
use sha2::{Digest, Sha256, Sha384, Sha512};
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::Certificate;
use x509_tsp::{Accuracy, TimeStampReq, TimeStampResp, TspVersion, TstInfo};

use crate::cms::attributes::{bytes_to_sign, SignedAttributesBuilder};
use crate::cms::oids::ID_CT_TST_INFO;
use crate::cms::signed_data::SignedDataParts;
use crate::signer::{Signer, OID_SHA256};

/// Sertel's provisional default TSA policy identifier. A deployment that registers its own
/// policy OID configures it instead (the server's `tsa.policy` setting).
pub const SERTEL_TSA_POLICY: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.3.6.1.4.1.64312.1.3.1");

const OID_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
const OID_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");

/// A time-stamping authority: its key, certificate and chain.
#[derive(Clone)]
pub struct TimestampAuthority {
    signer: Arc<dyn Signer>,
    certificate: Certificate,
    chain: Vec<Certificate>,
    policy: ObjectIdentifier,
}

impl std::fmt::Debug for TimestampAuthority {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TimestampAuthority")
            .field("policy", &self.policy)
            .finish_non_exhaustive()
    }
}

fn expected_digest_len(oid: &ObjectIdentifier) -> Option<usize> {
    match *oid {
        OID_SHA256 => Some(Sha256::output_size()),
        OID_SHA384 => Some(Sha384::output_size()),
        OID_SHA512 => Some(Sha512::output_size()),
        _ => None,
    }
}

impl TimestampAuthority {
    /// An authority signing with `signer`, whose certificate must carry the critical
    /// `id-kp-timeStamping` extended key usage (RFC 3161 §2.3).
    pub fn new(
        signer: Arc<dyn Signer>,
        certificate: Certificate,
        chain: Vec<Certificate>,
        policy: ObjectIdentifier,
    ) -> TimestampAuthority {
        TimestampAuthority {
            signer,
            certificate,
            chain,
            policy,
        }
    }

    /// Answers a DER `TimeStampReq` at time `now` (since the Unix epoch) with a DER
    /// `TimeStampResp`: a token when the request is acceptable, a rejection otherwise.
    pub fn respond(&self, request_der: &[u8], now: Duration) -> Vec<u8> {
        let outcome = TimeStampReq::from_der(request_der)
            .map_err(|_| "malformed request")
            .and_then(|req| self.issue(&req, now));
        let (status, token, text) = match outcome {
            Ok(token) => (PkiStatus::Accepted, Some(token), None),
            Err(reason) => (PkiStatus::Rejection, None, Some(reason)),
        };
        let status_string = text
            .and_then(|t| Utf8StringRef::new(t).ok())
            .map(|t| vec![t]);
        let resp = TimeStampResp {
            status: PkiStatusInfo {
                status,
                status_string,
                fail_info: None,
            },
            time_stamp_token: token,
        };
        // Encoding a response built from well-formed parts cannot fail; an empty body makes
        // the client report a malformed answer should it ever happen.
        resp.to_der().unwrap_or_default()
    }

    /// Issues a token (`ContentInfo`) for `req`, or says why not.
    pub fn issue(
        &self,
        req: &TimeStampReq,
        now: Duration,
    ) -> Result<cms::content_info::ContentInfo, &'static str> {
        let imprint = &req.message_imprint;
        match expected_digest_len(&imprint.hash_algorithm.oid) {
            Some(n) if n == imprint.hashed_message.as_bytes().len() => {}
            Some(_) => return Err("imprint length does not match its algorithm"),
            None => return Err("unsupported hash algorithm"),
        }
        if let Some(policy) = req.req_policy {
            if policy != self.policy {
                return Err("unaccepted policy");
            }
        }
        let mut serial = [0u8; 16];
        aws_lc_rs::rand::fill(&mut serial).map_err(|_| "no randomness")?;
        serial[0] &= 0x7f;
        serial[0] |= 0x01;
        let info = TstInfo {
            version: TspVersion::V1,
            policy: self.policy,
            message_imprint: imprint.clone(),
            serial_number: Int::new(&serial).map_err(|_| "serial")?,
            gen_time: GeneralizedTime::from_unix_duration(Duration::from_secs(now.as_secs()))
                .map_err(|_| "time out of range")?,
            accuracy: Some(Accuracy {
                seconds: Some(1),
                millis: None,
                micros: None,
            }),
            ordering: false,
            nonce: req.nonce.clone(),
            tsa: Some(GeneralName::DirectoryName(
                self.certificate.tbs_certificate.subject.clone(),
            )),
            extensions: None,
        };
        let info_der = info.to_der().map_err(|_| "encoding TSTInfo")?;
        let attrs = SignedAttributesBuilder::new(
            ID_CT_TST_INFO,
            &Sha256::digest(&info_der),
            &self.certificate,
        )
        .and_then(|b| b.build())
        .map_err(|_| "encoding attributes")?;
        let tbs = bytes_to_sign(&attrs).map_err(|_| "encoding attributes")?;
        let signature = self.signer.sign(&tbs).map_err(|_| "signing failed")?;
        let no_chain: &[Certificate] = &[];
        let parts = SignedDataParts {
            content_type: ID_CT_TST_INFO,
            content: Some(&info_der),
            signer_certificate: &self.certificate,
            chain: if req.cert_req { &self.chain } else { no_chain },
            algorithm: self.signer.algorithm(),
            signed_attributes: attrs,
            signature: &signature,
            unsigned_attributes: Vec::new(),
        };
        let der = parts.assemble().map_err(|_| "encoding token")?;
        cms::content_info::ContentInfo::from_der(&der).map_err(|_| "encoding token")
    }
}
