//! Collecting what a validator needs to validate a signature with nothing but the file and its
//! trust anchors: every certificate of the signer's path and of its timestamping authority's
//! path, and for each certificate below an anchor a revocation answer — an OCSP response from
//! the responder its authority information access names (asked first), else the CRL of its
//! distribution point. What the file already settles (CMS, archival attribute, DSS) is not
//! asked for again. Every answer is checked by validating the path with it under hard fail
//! before it is kept.

use std::collections::HashSet;

use time::OffsetDateTime;

use super::error::LtvError;
use crate::i18n::Text;
use crate::trust::{
    validate_path, CertPool, EndEntityUsage, PathCertificate, RevocationData, RevocationPolicy,
    RevocationStatus, TrustStore, ValidationOptions,
};
use crate::verify::dss::Dss;
use crate::verify::fetch::Fetcher;
use crate::verify::trust_check::tsa_certificate;
use crate::verify::{Check, ExaminedSignature};

/// Certificates, CRLs and OCSP responses (DER) for a document security store, each once.
#[derive(Clone, Debug, Default)]
pub struct Material {
    /// Certificates.
    pub certificates: Vec<Vec<u8>>,
    /// CRLs.
    pub crls: Vec<Vec<u8>>,
    /// OCSP responses.
    pub ocsp: Vec<Vec<u8>>,
    seen: HashSet<Vec<u8>>,
}

/// Which list of [`Material`] an item goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A certificate.
    Certificate,
    /// A CRL.
    Crl,
    /// An OCSP response.
    Ocsp,
}

impl Material {
    /// Adds `der` to the list of `kind` unless it is there already.
    pub fn add(&mut self, kind: Kind, der: &[u8]) {
        if !self.seen.insert(der.to_vec()) {
            return;
        }
        let list = match kind {
            Kind::Certificate => &mut self.certificates,
            Kind::Crl => &mut self.crls,
            Kind::Ocsp => &mut self.ocsp,
        };
        list.push(der.to_vec());
    }

    /// Adds everything `other` holds.
    pub fn merge(&mut self, other: &Material) {
        for (kind, list) in other.lists() {
            for der in list {
                self.add(kind, der);
            }
        }
    }

    /// The three lists with their kinds.
    pub fn lists(&self) -> [(Kind, &[Vec<u8>]); 3] {
        [
            (Kind::Certificate, &self.certificates),
            (Kind::Crl, &self.crls),
            (Kind::Ocsp, &self.ocsp),
        ]
    }
}

/// What collecting works with.
pub struct Collector<'a> {
    /// The anchors the paths must end at.
    pub trust: &'a TrustStore,
    /// The downloader.
    pub fetcher: &'a Fetcher,
    /// The time the paths are validated at.
    pub now: OffsetDateTime,
}

impl Collector<'_> {
    /// The material for one signature (or document timestamp) of a file whose store is `dss`.
    pub fn signature(&self, sig: &ExaminedSignature, dss: &Dss) -> Result<Material, LtvError> {
        let report = &sig.report;
        let not_verified = || LtvError::NotVerified {
            field: report.field.clone(),
            reason: report.findings.first().map(Text::of).unwrap_or(Text {
                kind: "not_verified",
                id: "pemeriksaan kriptografis tidak lolos".into(),
                en: "the cryptographic checks did not pass".into(),
            }),
        };
        let evidence = sig.evidence.as_ref().ok_or_else(not_verified)?;
        if report.modifications == Check::Failed || report.timestamp == Check::Failed {
            return Err(not_verified());
        }
        let mut pool = CertPool::new();
        let ts_certs = evidence.timestamp.iter().flat_map(|t| &t.certificates);
        for der in evidence
            .certificates
            .iter()
            .chain(&dss.certificates)
            .chain(ts_certs)
        {
            let _ = pool.add_der(der);
        }
        let mut revocation = crate::verify::ltv::embedded_revocation(evidence, dss);
        let mut material = Material::default();
        let unreadable = |reason: Text| LtvError::NotVerified {
            field: report.field.clone(),
            reason,
        };
        let signer = if evidence.document_timestamp {
            tsa_certificate(&evidence.signer).map_err(|f| unreadable(Text::of(&f)))?
        } else {
            PathCertificate::from_der(&evidence.signer).map_err(|e| unreadable(Text::of(&e)))?
        };
        let usage = if evidence.document_timestamp {
            EndEntityUsage::Any
        } else {
            EndEntityUsage::Signing
        };
        self.path(&signer, usage, &pool, &mut revocation, &mut material)?;
        if let Some(ts) = &evidence.timestamp {
            let tsa = tsa_certificate(&ts.signer).map_err(|f| unreadable(Text::of(&f)))?;
            self.path(
                &tsa,
                EndEntityUsage::Any,
                &pool,
                &mut revocation,
                &mut material,
            )?;
        }
        Ok(material)
    }

    /// Adds `cert`'s path, and a revocation answer for each of its certificates that the file
    /// does not settle yet, to `material`.
    fn path(
        &self,
        cert: &PathCertificate,
        usage: EndEntityUsage,
        pool: &CertPool,
        revocation: &mut RevocationData,
        material: &mut Material,
    ) -> Result<(), LtvError> {
        let validate = |revocation: &RevocationData, policy| {
            let mut options = ValidationOptions::at(self.now);
            options.revocation = policy;
            options.end_entity_usage = usage;
            validate_path(cert, pool, revocation, self.trust, &options)
        };
        let outcome = validate(revocation, RevocationPolicy::SoftFail);
        if outcome.anchor.is_none() {
            return Err(LtvError::NoPath {
                subject: cert.subject_text(),
                reason: Text::of(&outcome.status),
            });
        }
        if !outcome.is_valid() {
            return Err(LtvError::PathInvalid {
                subject: cert.subject_text(),
                reason: Text::of(&outcome.status),
            });
        }
        for (index, (c, status)) in outcome.path.iter().zip(&outcome.revocation).enumerate() {
            if *status == RevocationStatus::Good {
                continue;
            }
            let issuer = match index {
                0 => outcome.anchor.as_ref(),
                _ => outcome.path.get(index - 1),
            };
            if !self.fetch(c, issuer, revocation, material) {
                return Err(LtvError::NoRevocation {
                    subject: c.subject_text(),
                });
            }
        }
        let checked = validate(revocation, RevocationPolicy::HardFail);
        if !checked.is_valid() {
            return Err(LtvError::PathInvalid {
                subject: cert.subject_text(),
                reason: Text::of(&checked.status),
            });
        }
        for c in checked.path.iter().chain(checked.anchor.iter()) {
            material.add(super::material::Kind::Certificate, c.der());
        }
        Ok(())
    }

    /// Asks `cert`'s OCSP responders, then its CRL distribution points; true when an answer
    /// was obtained (and added to `revocation` and `material`).
    fn fetch(
        &self,
        cert: &PathCertificate,
        issuer: Option<&PathCertificate>,
        revocation: &mut RevocationData,
        material: &mut Material,
    ) -> bool {
        let Some(x509) = cert.certificate() else {
            return false;
        };
        if let Some(issuer) = issuer {
            for url in crate::certinfo::ocsp_urls(x509) {
                if let Some(der) = self.fetcher.ocsp(&url, cert, issuer) {
                    if revocation.ocsp.add_der(&der).is_ok() {
                        material.add(Kind::Ocsp, &der);
                        return true;
                    }
                }
            }
        }
        for url in crate::certinfo::crl_urls(x509) {
            if let Some(der) = self.fetcher.crl(&url) {
                if revocation.crls.add_der(&der).is_ok() {
                    material.add(Kind::Crl, &der);
                    return true;
                }
            }
        }
        false
    }
}
