//! The CMS layer: decode the `SignedData`, recompute the digest of the signed ranges, match it
//! to the message-digest attribute, find the signer's certificate, and verify the signature —
//! and the same for the signature timestamp token, when there is one.

use std::fs::File;

use aws_lc_rs::digest;
use cms::cert::CertificateChoices;
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedAttributes, SignedData, SignerIdentifier, SignerInfo};
use const_oid::ObjectIdentifier;
use der::asn1::OctetString;
use der::{Decode, Encode, Reader, SliceReader};
use spki::AlgorithmIdentifierOwned;
use time::OffsetDateTime;
use x509_cert::Certificate;

use super::evidence::{self, Evidence, TimestampEvidence};
use super::fields::SignedField;
use super::integrity::SignedRanges;
use super::report::{Check, Finding, SignatureReport};
use crate::cms::ess::SigningCertificateV2;
use crate::cms::oids::{
    ID_AA_SIGNATURE_TIME_STAMP_TOKEN, ID_AA_SIGNING_CERTIFICATE_V2, ID_CT_TST_INFO, ID_DATA,
    ID_MESSAGE_DIGEST, ID_SIGNED_DATA,
};
use crate::i18n::Localized;
use crate::signer::OID_RSA_ENCRYPTION;

/// The digest algorithms Sertel recomputes.
fn digest_algorithm(oid: &ObjectIdentifier) -> Option<&'static digest::Algorithm> {
    match oid.to_string().as_str() {
        "2.16.840.1.101.3.4.2.1" => Some(&digest::SHA256),
        "2.16.840.1.101.3.4.2.2" => Some(&digest::SHA384),
        "2.16.840.1.101.3.4.2.3" => Some(&digest::SHA512),
        "1.3.14.3.2.26" => Some(&digest::SHA1_FOR_LEGACY_USE_ONLY),
        _ => None,
    }
}

/// `rsaEncryption` as a CMS signature algorithm means PKCS#1 v1.5 with the digest algorithm.
fn effective_signature_algorithm(si: &SignerInfo) -> AlgorithmIdentifierOwned {
    if si.signature_algorithm.oid != OID_RSA_ENCRYPTION {
        return si.signature_algorithm.clone();
    }
    let oid = match si.digest_alg.oid.to_string().as_str() {
        "2.16.840.1.101.3.4.2.2" => "1.2.840.113549.1.1.12",
        "2.16.840.1.101.3.4.2.3" => "1.2.840.113549.1.1.13",
        "1.3.14.3.2.26" => "1.2.840.113549.1.1.5",
        _ => "1.2.840.113549.1.1.11",
    };
    AlgorithmIdentifierOwned {
        oid: ObjectIdentifier::new_unwrap(oid),
        parameters: Some(der::Any::from(der::asn1::AnyRef::NULL)),
    }
}

/// Decodes a `ContentInfo` holding `SignedData`, allowing only zero padding after it.
pub fn decode_signed_data(bytes: &[u8]) -> Result<SignedData, Finding> {
    let malformed = |e: der::Error| Finding::CmsMalformed(e.to_string());
    let mut reader = SliceReader::new(bytes).map_err(malformed)?;
    let ci = ContentInfo::decode(&mut reader).map_err(malformed)?;
    let rest = reader
        .read_slice(reader.remaining_len())
        .map_err(malformed)?;
    if rest.iter().any(|b| *b != 0) {
        return Err(Finding::CmsMalformed("data after the CMS structure".into()));
    }
    if ci.content_type != ID_SIGNED_DATA {
        return Err(Finding::CmsUnsupported("not SignedData".into()));
    }
    ci.content.decode_as::<SignedData>().map_err(malformed)
}

fn attribute_value(si: &SignerInfo, oid: ObjectIdentifier) -> Option<&der::Any> {
    si.signed_attrs
        .as_ref()?
        .iter()
        .find(|a| a.oid == oid)
        .and_then(|a| a.values.get(0))
}

fn find_certificate<'a>(sd: &'a SignedData, sid: &SignerIdentifier) -> Option<&'a Certificate> {
    let certs = sd.certificates.as_ref()?.0.iter().filter_map(|c| match c {
        CertificateChoices::Certificate(c) => Some(c),
        _ => None,
    });
    for cert in certs {
        let matches = match sid {
            SignerIdentifier::IssuerAndSerialNumber(isn) => {
                cert.tbs_certificate.issuer == isn.issuer
                    && cert.tbs_certificate.serial_number == isn.serial_number
            }
            SignerIdentifier::SubjectKeyIdentifier(ski) => cert
                .tbs_certificate
                .get::<x509_cert::ext::pkix::SubjectKeyIdentifier>()
                .ok()
                .flatten()
                .map(|(_, found)| found == *ski)
                .unwrap_or(false),
        };
        if matches {
            return Some(cert);
        }
    }
    None
}

/// Which check a finding belongs to.
#[derive(Debug)]
pub enum Failure {
    /// The content was altered (digest).
    Integrity(Finding),
    /// The signature is wrong or forged.
    Signature(Finding),
    /// Could not be checked.
    Unchecked(Finding),
}

/// Checks the single signer of `sd` against the content digest that `content_digest` computes
/// for a given algorithm; returns the signer's certificate and signer info. `raw_attrs` are
/// the signed attributes as encoded in the CMS (see [`super::signed_attrs`]); the signature is
/// checked over them when they decode to the same attributes, else over the re-encoding.
pub fn verify_signer<'a>(
    sd: &'a SignedData,
    raw_attrs: Option<&[u8]>,
    content_type: ObjectIdentifier,
    content_digest: impl Fn(&'static digest::Algorithm) -> Result<Vec<u8>, Finding>,
) -> Result<(&'a Certificate, &'a SignerInfo), Failure> {
    let si = match sd.signer_infos.0.as_slice() {
        [si] => si,
        _ => {
            return Err(Failure::Unchecked(Finding::CmsUnsupported(
                "not exactly one signer".into(),
            )))
        }
    };
    let Some(alg) = digest_algorithm(&si.digest_alg.oid) else {
        return Err(Failure::Unchecked(Finding::CmsUnsupported(format!(
            "digest {}",
            si.digest_alg.oid
        ))));
    };
    let Some(attrs) = si.signed_attrs.as_ref() else {
        return Err(Failure::Unchecked(Finding::CmsUnsupported(
            "no signed attributes".into(),
        )));
    };
    let ct_ok = attrs.iter().any(|a| {
        a.oid == crate::cms::oids::ID_CONTENT_TYPE
            && a.values
                .get(0)
                .and_then(|v| v.decode_as::<ObjectIdentifier>().ok())
                == Some(content_type)
    });
    if !ct_ok || sd.encap_content_info.econtent_type != content_type {
        return Err(Failure::Signature(Finding::CmsMalformed(
            "content type".into(),
        )));
    }
    let declared = attribute_value(si, ID_MESSAGE_DIGEST)
        .and_then(|v| v.decode_as::<OctetString>().ok())
        .ok_or(Failure::Signature(Finding::CmsMalformed(
            "no message digest".into(),
        )))?;
    let actual = content_digest(alg).map_err(Failure::Unchecked)?;
    if declared.as_bytes() != actual.as_slice() {
        return Err(Failure::Integrity(Finding::DigestMismatch));
    }
    let cert = find_certificate(sd, &si.sid)
        .ok_or(Failure::Unchecked(Finding::SignerCertificateMissing))?;
    if let Some(v) = attribute_value(si, ID_AA_SIGNING_CERTIFICATE_V2) {
        let ess: SigningCertificateV2 = v
            .decode_as()
            .map_err(|e| Failure::Signature(Finding::CmsMalformed(e.to_string())))?;
        let cert_der = cert
            .to_der()
            .map_err(|e| Failure::Unchecked(Finding::CmsMalformed(e.to_string())))?;
        let first = ess
            .certs
            .first()
            .ok_or(Failure::Signature(Finding::SigningCertificateMismatch))?;
        let hash_alg = match &first.hash_algorithm {
            None => Some(&digest::SHA256),
            Some(a) => digest_algorithm(&a.oid),
        }
        .ok_or(Failure::Unchecked(Finding::CmsUnsupported(
            "ESS hash".into(),
        )))?;
        if digest::digest(hash_alg, &cert_der).as_ref() != first.cert_hash.as_bytes() {
            return Err(Failure::Signature(Finding::SigningCertificateMismatch));
        }
    }
    let signed = match raw_attrs {
        Some(raw) if SignedAttributes::from_der(raw).as_ref() == Ok(attrs) => raw.to_vec(),
        _ => attrs
            .to_der()
            .map_err(|e| Failure::Unchecked(Finding::CmsMalformed(e.to_string())))?,
    };
    crate::sigcheck::verify(
        &cert.tbs_certificate.subject_public_key_info,
        &effective_signature_algorithm(si),
        &signed,
        si.signature.as_bytes(),
    )
    .map_err(|e| match e {
        // An algorithm Sertel cannot check says nothing about the signature: undecided.
        crate::sigcheck::SigCheckError::UnsupportedAlgorithm(_)
        | crate::sigcheck::SigCheckError::UnsupportedKey(_) => {
            Failure::Unchecked(Finding::CmsUnsupported(e.to_string()))
        }
        _ => Failure::Signature(Finding::SignatureInvalid(e.to_string())),
    })?;
    Ok((cert, si))
}

/// Checks the timestamp token over `signature` (the signature value it must cover); returns
/// what the trust layer needs of it when it verifies.
fn check_timestamp(
    token: &der::Any,
    signature: &[u8],
    report: &mut SignatureReport,
) -> Option<TimestampEvidence> {
    let outcome = (|| {
        let der = token
            .to_der()
            .map_err(|e| Finding::TimestampInvalid(e.to_string()))?;
        let sd = decode_signed_data(&der)
            .map_err(|f| Finding::TimestampInvalid(f.message(crate::i18n::Lang::En)))?;
        let info = crate::tsp::response::token_info(&der)
            .map_err(|e| Finding::TimestampInvalid(e.to_string()))?;
        let alg = digest_algorithm(&info.message_imprint.hash_algorithm.oid)
            .ok_or_else(|| Finding::TimestampInvalid("imprint algorithm".into()))?;
        if digest::digest(alg, signature).as_ref() != info.message_imprint.hashed_message.as_bytes()
        {
            return Err(Finding::TimestampInvalid(
                "imprint does not match the signature".into(),
            ));
        }
        let econtent = sd
            .encap_content_info
            .econtent
            .as_ref()
            .and_then(|c| c.decode_as::<OctetString>().ok());
        let econtent = econtent.ok_or_else(|| Finding::TimestampInvalid("no TSTInfo".into()))?;
        let raw = super::signed_attrs::raw_signed_attrs(&der);
        let (tsa, _) = verify_signer(&sd, raw.as_deref(), ID_CT_TST_INFO, |a| {
            Ok(digest::digest(a, econtent.as_bytes()).as_ref().to_vec())
        })
        .map_err(|f| match f {
            Failure::Integrity(f) | Failure::Signature(f) | Failure::Unchecked(f) => {
                Finding::TimestampInvalid(f.message(crate::i18n::Lang::En))
            }
        })?;
        let secs = info.gen_time.to_unix_duration().as_secs();
        let time = i64::try_from(secs)
            .ok()
            .and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok())
            .ok_or_else(|| Finding::TimestampInvalid("time out of range".into()))?;
        Ok((
            secs,
            TimestampEvidence {
                signer: tsa.to_der().unwrap_or_default(),
                certificates: evidence::certificates(&sd),
                time,
            },
        ))
    })();
    match outcome {
        Ok((t, evidence)) => {
            report.timestamp = Check::Passed;
            report.timestamp_time = Some(t);
            Some(evidence)
        }
        Err(f) => {
            report.timestamp = Check::Failed;
            report.findings.push(f);
            None
        }
    }
}

/// A document timestamp (`/SubFilter /ETSI.RFC3161`): the token's own signature, and its
/// message imprint against the digest of the byte ranges. Returns the trust layer's evidence
/// when both pass.
fn check_document_timestamp(
    sd: &SignedData,
    raw_attrs: Option<&[u8]>,
    hash_ranges: &dyn Fn(&'static digest::Algorithm) -> Result<Vec<u8>, Finding>,
    report: &mut SignatureReport,
) -> Option<Evidence> {
    let econtent = sd
        .encap_content_info
        .econtent
        .as_ref()
        .and_then(|c| c.decode_as::<OctetString>().ok());
    let Some(econtent) = econtent else {
        report.findings.push(Finding::CmsMalformed(
            "document timestamp without TSTInfo".into(),
        ));
        return None;
    };
    let info = match x509_tsp::TstInfo::from_der(econtent.as_bytes()) {
        Ok(i) => i,
        Err(e) => {
            report.findings.push(Finding::CmsMalformed(e.to_string()));
            return None;
        }
    };
    let token = verify_signer(sd, raw_attrs, ID_CT_TST_INFO, |a| {
        Ok(digest::digest(a, econtent.as_bytes()).as_ref().to_vec())
    });
    let (cert, si) = match token {
        Ok(found) => found,
        Err(Failure::Integrity(f)) | Err(Failure::Signature(f)) => {
            report.signature = Check::Failed;
            report.findings.push(f);
            return None;
        }
        Err(Failure::Unchecked(f)) => {
            report.findings.push(f);
            return None;
        }
    };
    let Some(alg) = digest_algorithm(&info.message_imprint.hash_algorithm.oid) else {
        report
            .findings
            .push(Finding::CmsUnsupported("imprint algorithm".into()));
        return None;
    };
    match hash_ranges(alg) {
        Ok(d) if d.as_slice() == info.message_imprint.hashed_message.as_bytes() => {
            report.integrity = Check::Passed;
            report.signature = Check::Passed;
            report.timestamp = Check::Passed;
            report.timestamp_time = Some(info.gen_time.to_unix_duration().as_secs());
            report.identify_signer(cert);
            let mut evidence = Evidence::gather(sd, si, cert);
            evidence.document_timestamp = true;
            Some(evidence)
        }
        Ok(_) => {
            report.integrity = Check::Failed;
            report.findings.push(Finding::DigestMismatch);
            None
        }
        Err(f) => {
            report.findings.push(f);
            None
        }
    }
}

/// Runs the CMS checks for one signature whose byte ranges passed; returns the trust layer's
/// evidence when the signature verified.
pub fn check(
    file: &File,
    _field: &SignedField,
    ranges: &SignedRanges,
    report: &mut SignatureReport,
) -> Option<Evidence> {
    let sd = match decode_signed_data(&ranges.contents) {
        Ok(sd) => sd,
        Err(f) => {
            report.findings.push(f);
            return None;
        }
    };
    let raw_attrs = super::signed_attrs::raw_signed_attrs(&ranges.contents);
    let hash_ranges = |alg: &'static digest::Algorithm| -> Result<Vec<u8>, Finding> {
        let [_, len1, start2, len2] = ranges.ranges;
        let mut ctx = digest::Context::new(alg);
        crate::pades::copy::hash_range(file, 0, len1, &mut ctx)
            .and_then(|_| crate::pades::copy::hash_range(file, start2, len2, &mut ctx))
            .map_err(|e| Finding::CmsMalformed(format!("reading the signed ranges: {e}")))?;
        Ok(ctx.finish().as_ref().to_vec())
    };
    if report.sub_filter.as_deref() == Some("ETSI.RFC3161") {
        return check_document_timestamp(&sd, raw_attrs.as_deref(), &hash_ranges, report);
    }
    let detached = matches!(
        report.sub_filter.as_deref(),
        Some("ETSI.CAdES.detached") | Some("adbe.pkcs7.detached")
    );
    if !detached {
        report.findings.push(Finding::CmsUnsupported(format!(
            "sub-filter {}",
            report.sub_filter.as_deref().unwrap_or("(none)")
        )));
        return None;
    }
    if sd.encap_content_info.econtent.is_some() {
        // A detached signature must not carry content: what it signs is the byte ranges.
        report.signature = Check::Failed;
        report.findings.push(Finding::CmsMalformed(
            "a detached signature carries content".into(),
        ));
        return None;
    }
    let outcome = verify_signer(&sd, raw_attrs.as_deref(), ID_DATA, hash_ranges);
    match outcome {
        Ok((cert, si)) => {
            report.integrity = Check::Passed;
            report.signature = Check::Passed;
            report.identify_signer(cert);
            let token = si
                .unsigned_attrs
                .as_ref()
                .and_then(|u| u.iter().find(|a| a.oid == ID_AA_SIGNATURE_TIME_STAMP_TOKEN))
                .and_then(|a| a.values.get(0));
            let mut evidence = Evidence::gather(&sd, si, cert);
            if let Some(token) = token {
                evidence.timestamp = check_timestamp(token, si.signature.as_bytes(), report);
            }
            Some(evidence)
        }
        Err(Failure::Integrity(f)) => {
            report.integrity = Check::Failed;
            report.findings.push(f);
            None
        }
        Err(Failure::Signature(f)) => {
            report.integrity = Check::Passed;
            report.signature = Check::Failed;
            report.findings.push(f);
            None
        }
        Err(Failure::Unchecked(f)) => {
            report.findings.push(f);
            None
        }
    }
}
