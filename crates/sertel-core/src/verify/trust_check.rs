//! The trust layer of a signature that passed the cryptographic checks: validate the
//! timestamping authority (so the timestamp's time can stand as proof of existence), then the
//! signer's certification path at that proven time, or now when there is none — with the
//! certificates and revocation information from the CMS, the document security store, the
//! user, and, when allowed, the certificates' CRL distribution points.

use der::Decode;
use time::OffsetDateTime;
use x509_cert::Certificate;

use super::conclusion::{Conclusion, SubIndication};
use super::dss::Dss;
use super::evidence::Evidence;
use super::fetch::Fetcher;
use super::ltv::{self, Level};
use super::options::VerifyOptions;
use super::report::{ChainLink, Check, Finding, SignatureReport};
use crate::i18n::Text;
use crate::trust::{
    validate_path, CertPool, EndEntityUsage, IndeterminateReason, InvalidReason, PathCertificate,
    PathOutcome, PathStatus, RevocationData, RevocationStatus, UnknownRevocation,
    ValidationOptions,
};

/// Everything shared by the signatures of one file.
pub struct TrustContext<'a> {
    /// The verification's options.
    pub options: &'a VerifyOptions,
    /// The downloader, when fetching is allowed.
    pub fetcher: Option<&'a Fetcher>,
    /// The file's document security store.
    pub dss: &'a Dss,
    /// "Now".
    pub now: OffsetDateTime,
}

/// The ETSI conclusion a path outcome leads to; `poe` says whether the validation time is a
/// proven time (a trusted timestamp) rather than now.
fn path_conclusion(outcome: &PathOutcome, poe: bool) -> Conclusion {
    use SubIndication::*;
    let indeterminate = Conclusion::indeterminate;
    match &outcome.status {
        PathStatus::Valid => Conclusion::PASSED,
        PathStatus::Invalid(reason) => match reason {
            InvalidReason::Revoked { .. } if poe => Conclusion::failed(Revoked),
            InvalidReason::Revoked { index, .. } if *index + 1 == outcome.path.len() => {
                indeterminate(RevokedNoPoe)
            }
            InvalidReason::Revoked { .. } => indeterminate(RevokedCaNoPoe),
            InvalidReason::Expired { .. } | InvalidReason::AnchorNotValidAtTime { .. } if poe => {
                Conclusion::failed(Expired)
            }
            InvalidReason::Expired { .. } | InvalidReason::AnchorNotValidAtTime { .. } => {
                indeterminate(OutOfBoundsNoPoe)
            }
            InvalidReason::NotYetValid { .. } => Conclusion::failed(NotYetValid),
            InvalidReason::SignatureInvalid { .. } => indeterminate(CertificateChainGeneralFailure),
            _ => indeterminate(ChainConstraintsFailure),
        },
        PathStatus::Indeterminate(reason) => match reason {
            IndeterminateReason::NoTrustAnchors
            | IndeterminateReason::NoPathToAnchor
            | IndeterminateReason::SearchLimitReached => indeterminate(NoCertificateChainFound),
            IndeterminateReason::UnsupportedAlgorithm { .. } => {
                indeterminate(CryptoConstraintsFailure)
            }
            IndeterminateReason::RevocationUnknown { .. } => indeterminate(TryLater),
            _ => indeterminate(CertificateChainGeneralFailure),
        },
    }
}

/// Whether a status could be settled by downloading fresher information.
fn needs_fetch(s: &RevocationStatus) -> bool {
    matches!(
        s,
        RevocationStatus::Unknown(
            UnknownRevocation::NoCrl
                | UnknownRevocation::CrlOutdated
                | UnknownRevocation::OcspOutdated
        )
    )
}

impl TrustContext<'_> {
    /// Validates `cert` at `time`; when revocation information is missing and fetching is
    /// allowed, asks the OCSP responders (else downloads the CRLs) the path's certificates name
    /// and validates again.
    fn validate(
        &self,
        cert: &PathCertificate,
        pool: &CertPool,
        revocation: &mut RevocationData,
        time: OffsetDateTime,
        usage: EndEntityUsage,
    ) -> PathOutcome {
        let mut options = ValidationOptions::at(time);
        options.revocation = self.options.revocation;
        options.end_entity_usage = usage;
        let outcome = validate_path(cert, pool, revocation, &self.options.trust, &options);
        let Some(fetcher) = self.fetcher else {
            return outcome;
        };
        let mut added = false;
        for (index, (c, status)) in outcome.path.iter().zip(&outcome.revocation).enumerate() {
            if !needs_fetch(status) {
                continue;
            }
            let issuer = match index {
                0 => outcome.anchor.as_ref(),
                _ => outcome.path.get(index - 1),
            };
            let Some(x509) = c.certificate() else {
                continue;
            };
            let mut answered = false;
            if let Some(issuer) = issuer {
                for url in crate::certinfo::ocsp_urls(x509) {
                    if let Some(der) = fetcher.ocsp(&url, c, issuer) {
                        answered |= revocation.ocsp.add_der(&der).unwrap_or(false);
                    }
                }
            }
            if !answered {
                for url in crate::certinfo::crl_urls(x509) {
                    if let Some(der) = fetcher.crl(&url) {
                        answered |= revocation.crls.add_der(&der).unwrap_or(false);
                    }
                }
            }
            added |= answered;
        }
        if added {
            validate_path(cert, pool, revocation, &self.options.trust, &options)
        } else {
            outcome
        }
    }

    /// Validates the timestamping authority of a verified signature timestamp; returns the
    /// proven time when it is trusted.
    fn proven_time(
        &self,
        evidence: &Evidence,
        pool: &CertPool,
        revocation: &mut RevocationData,
        report: &mut SignatureReport,
    ) -> Option<(OffsetDateTime, PathCertificate)> {
        let ts = evidence.timestamp.as_ref()?;
        if report.timestamp != Check::Passed {
            return None;
        }
        let tsa = match tsa_certificate(&ts.signer) {
            Ok(tsa) => tsa,
            Err(f) => {
                report.findings.push(f);
                return None;
            }
        };
        let outcome = self.validate(&tsa, pool, revocation, self.now, EndEntityUsage::Any);
        if outcome.is_valid() {
            Some((ts.time, tsa))
        } else {
            report
                .findings
                .push(Finding::TimestampUntrusted(Text::of(&outcome.status)));
            None
        }
    }
}

/// The timestamping authority's certificate, which must allow time-stamping.
pub(crate) fn tsa_certificate(der: &[u8]) -> Result<PathCertificate, Finding> {
    let untrusted = |detail: &str| {
        Finding::TimestampUntrusted(Text {
            kind: "timestamp_authority_unusable",
            id: format!("Sertifikat otoritas penanda waktu tidak dapat dipakai: {detail}"),
            en: format!("The timestamping authority's certificate cannot be used: {detail}"),
        })
    };
    let cert = Certificate::from_der(der).map_err(|e| untrusted(&e.to_string()))?;
    if !crate::certinfo::has_time_stamping_usage(&cert) {
        return Err(untrusted("no time-stamping key usage"));
    }
    PathCertificate::from_der(der).map_err(|e| untrusted(&e.to_string()))
}

/// Judges trust in the signer of a signature whose cryptographic checks passed.
pub fn check(evidence: &Evidence, ctx: &TrustContext<'_>, report: &mut SignatureReport) {
    let mut pool = CertPool::new();
    let ts_certs = evidence
        .timestamp
        .iter()
        .flat_map(|t| t.certificates.iter());
    for der in evidence
        .certificates
        .iter()
        .chain(&ctx.dss.certificates)
        .chain(ts_certs)
    {
        let _ = pool.add_der(der);
    }
    let mut revocation = RevocationData::from_crls(ctx.options.crls.clone());
    for der in evidence.crls.iter().chain(&ctx.dss.crls) {
        let _ = revocation.crls.add_der(der);
    }
    for der in evidence.ocsp.iter().chain(&ctx.dss.ocsp) {
        let _ = revocation.ocsp.add_der(der);
    }
    let signer = if evidence.document_timestamp {
        tsa_certificate(&evidence.signer)
    } else {
        PathCertificate::from_der(&evidence.signer).map_err(|e| {
            Finding::Trust(Text {
                kind: "signer_certificate_unreadable",
                id: format!("Sertifikat penanda tangan tidak dapat dibaca: {e}"),
                en: format!("The signer's certificate cannot be read: {e}"),
            })
        })
    };
    let signer = match signer {
        Ok(c) => c,
        Err(f) => {
            report.findings.push(f);
            report.trust = Check::Failed;
            report.trust_conclusion = Some(Conclusion::indeterminate(
                SubIndication::CertificateChainGeneralFailure,
            ));
            return;
        }
    };
    let poe = ctx.proven_time(evidence, &pool, &mut revocation, report);
    let time = poe.as_ref().map_or(ctx.now, |(t, _)| *t);
    let usage = if evidence.document_timestamp {
        EndEntityUsage::Any
    } else {
        EndEntityUsage::Signing
    };
    let outcome = ctx.validate(&signer, &pool, &mut revocation, time, usage);
    record(&outcome, poe.is_some(), time, report);
    if !evidence.document_timestamp {
        report.level = Some(match poe {
            None => Level::Basic,
            Some((ts_time, tsa)) => {
                let embedded = ltv::embedded_revocation(evidence, ctx.dss);
                let trust = &ctx.options.trust;
                let offline = |cert: &PathCertificate, at, usage| {
                    ltv::validates_offline(cert, &pool, &embedded, trust, at, usage)
                };
                if outcome.is_valid()
                    && offline(&tsa, ts_time, EndEntityUsage::Any)
                    && offline(&signer, time, usage)
                {
                    Level::LongTerm
                } else {
                    Level::Timestamped
                }
            }
        });
    }
}

/// Writes a path outcome into the report.
fn record(outcome: &PathOutcome, poe: bool, time: OffsetDateTime, report: &mut SignatureReport) {
    report.validation_time = Some(time.unix_timestamp());
    report.chain = outcome
        .path
        .iter()
        .rev()
        .chain(outcome.anchor.iter())
        .map(|c| {
            let subject = c.subject_text();
            let name = c
                .certificate()
                .and_then(crate::certinfo::common_name)
                .unwrap_or_else(|| subject.clone());
            ChainLink { subject, name }
        })
        .collect();
    let conclusion = path_conclusion(outcome, poe);
    report.trust = match &outcome.status {
        PathStatus::Valid => Check::Passed,
        PathStatus::Invalid(_) => Check::Failed,
        PathStatus::Indeterminate(_) => Check::NotChecked,
    };
    report.revocation = if outcome
        .revocation
        .iter()
        .any(|s| matches!(s, RevocationStatus::Revoked { .. }))
    {
        Check::Failed
    } else if outcome.is_valid()
        && outcome
            .revocation
            .iter()
            .all(|s| *s == RevocationStatus::Good)
    {
        Check::Passed
    } else {
        Check::NotChecked
    };
    if !outcome.is_valid() {
        report
            .findings
            .push(Finding::Trust(Text::of(&outcome.status)));
    }
    report.findings.extend(
        outcome
            .warnings
            .iter()
            .map(|w| Finding::TrustWarning(Text::of(w))),
    );
    report.trust_conclusion = Some(conclusion);
}
