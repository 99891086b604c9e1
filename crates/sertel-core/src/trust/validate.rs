//! Basic path validation (RFC 5280 §6.1) of one candidate path at a given time: signatures,
//! validity periods, name chaining, basicConstraints and pathLenConstraint, keyUsage, name
//! constraints, critical extensions, and the end-entity key usage the caller asks for.
//! Revocation is checked afterwards, by [`super::revocation`].
//!
//! Certificate policies are not processed. With the inputs Sertel uses (any policy acceptable,
//! no explicit policy required, mapping and anyPolicy allowed) policy processing can only
//! reject a path through a requireExplicitPolicy constraint; a certificate carrying one, or a
//! critical policyMappings or inhibitAnyPolicy, makes the path indeterminate instead.

use x509_cert::ext::pkix::KeyUsages;

use super::cert::PathCertificate;
use super::extensions::ExtensionFault;
use super::indeterminate::IndeterminateReason;
use super::invalid::InvalidReason;
use super::name_constraints::{NameCheckFailure, NameConstraintState};
use super::options::EndEntityUsage;
use super::outcome::PathStatus;
use super::signed::verify_signed;
use super::time::{to_datetime, Seconds};
use crate::sigcheck::SigCheckError;

fn signature_failure(index: usize, subject: String, e: SigCheckError) -> PathStatus {
    match e {
        SigCheckError::UnsupportedAlgorithm(detail) | SigCheckError::UnsupportedKey(detail) => {
            PathStatus::Indeterminate(IndeterminateReason::UnsupportedAlgorithm {
                index,
                subject,
                detail,
            })
        }
        other => PathStatus::Invalid(InvalidReason::SignatureInvalid {
            index,
            subject,
            detail: other.to_string(),
        }),
    }
}

/// Checks one certificate against its issuer (the anchor or the certificate above it).
fn check_issued(
    index: usize,
    cert: &PathCertificate,
    issuer: &PathCertificate,
    time: Seconds,
) -> Result<(), PathStatus> {
    let subject = || cert.subject_text();
    let invalid = PathStatus::Invalid;
    if cert.tbs_algorithm() != &cert.signed().algorithm {
        return Err(invalid(InvalidReason::SignatureInvalid {
            index,
            subject: subject(),
            detail: "the two signature algorithm fields differ".into(),
        }));
    }
    verify_signed(cert.der(), cert.signed(), issuer.public_key())
        .map_err(|e| signature_failure(index, subject(), e))?;
    let (not_before, not_after) = cert.validity();
    if time < not_before {
        return Err(invalid(InvalidReason::NotYetValid {
            index,
            subject: subject(),
            not_before: to_datetime(not_before),
        }));
    }
    if time > not_after {
        return Err(invalid(InvalidReason::Expired {
            index,
            subject: subject(),
            not_after: to_datetime(not_after),
        }));
    }
    if cert.issuer_canon() != issuer.subject_canon() {
        return Err(invalid(InvalidReason::IssuerNameMismatch {
            index,
            subject: subject(),
        }));
    }
    Ok(())
}

/// Validates `path` (top-down, end entity last) from `anchor` at `time`.
pub(crate) fn validate_structure(
    path: &[PathCertificate],
    anchor: &PathCertificate,
    time: Seconds,
    check_anchor_validity: bool,
    usage: EndEntityUsage,
) -> Result<(), PathStatus> {
    let (anchor_from, anchor_to) = anchor.validity();
    if check_anchor_validity && (time < anchor_from || time > anchor_to) {
        return Err(PathStatus::Invalid(InvalidReason::AnchorNotValidAtTime {
            subject: anchor.subject_text(),
        }));
    }
    let mut max_path_len = path.len();
    let mut constraints = NameConstraintState::default();
    let mut issuer = anchor;
    for (index, cert) in path.iter().enumerate() {
        let subject = || cert.subject_text();
        let exts = cert.extensions().map_err(|fault| {
            let (ExtensionFault::Duplicate(oid) | ExtensionFault::Malformed(oid)) = fault;
            PathStatus::Invalid(InvalidReason::MalformedExtension {
                index,
                subject: subject(),
                oid: oid.to_string(),
            })
        })?;
        check_issued(index, cert, issuer, time)?;
        let last = index + 1 == path.len();
        if last || !cert.is_self_issued() {
            constraints.check(cert, exts).map_err(|f| match f {
                NameCheckFailure::Violation(name) => {
                    PathStatus::Invalid(InvalidReason::NameConstraintViolation {
                        index,
                        subject: subject(),
                        name,
                    })
                }
                NameCheckFailure::Unsupported(form) => {
                    PathStatus::Indeterminate(IndeterminateReason::UnsupportedNameConstraint {
                        index,
                        subject: subject(),
                        form: form.into(),
                    })
                }
            })?;
        }
        if let Some(oid) = exts.unknown_critical {
            return Err(PathStatus::Invalid(
                InvalidReason::UnknownCriticalExtension {
                    index,
                    subject: subject(),
                    oid: oid.to_string(),
                },
            ));
        }
        if let Some(oid) = exts.unprocessed {
            return Err(PathStatus::Indeterminate(
                IndeterminateReason::UnprocessedExtension {
                    index,
                    subject: subject(),
                    oid: oid.to_string(),
                },
            ));
        }
        let key_usage = exts.key_usage.as_ref().map(|ku| ku.0);
        if last {
            let signing = KeyUsages::DigitalSignature | KeyUsages::NonRepudiation;
            if usage == EndEntityUsage::Signing
                && key_usage.is_some_and(|ku| (ku & signing).is_empty())
            {
                return Err(PathStatus::Invalid(InvalidReason::EndEntityKeyUsage {
                    subject: subject(),
                }));
            }
            break;
        }
        // Preparation for the next certificate (§6.1.4 (k)–(n), (g)).
        let basic = exts.basic_constraints.as_ref().filter(|bc| bc.ca);
        let Some(basic) = basic.filter(|_| cert.version() == 3) else {
            return Err(PathStatus::Invalid(InvalidReason::NotCa {
                index,
                subject: subject(),
            }));
        };
        if !cert.is_self_issued() {
            if max_path_len == 0 {
                return Err(PathStatus::Invalid(InvalidReason::PathLengthExceeded {
                    index,
                    subject: subject(),
                }));
            }
            max_path_len -= 1;
        }
        if let Some(limit) = basic.path_len_constraint {
            max_path_len = max_path_len.min(usize::from(limit));
        }
        if key_usage.is_some_and(|ku| !ku.contains(KeyUsages::KeyCertSign)) {
            return Err(PathStatus::Invalid(InvalidReason::KeyCertSignMissing {
                index,
                subject: subject(),
            }));
        }
        if let Some(nc) = &exts.name_constraints {
            constraints.add(nc);
        }
        issuer = cert;
    }
    Ok(())
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
