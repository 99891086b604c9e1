//! Name constraints along a path (RFC 5280 §6.1.3 (b)–(c) and §6.1.4 (g)).
//!
//! Instead of computing intersections and unions of subtrees, the constraints of every CA
//! certificate processed so far are kept, and a name must satisfy each of them: inside at least
//! one permitted subtree of its form (when that certificate permits any subtree of the form)
//! and inside no excluded subtree. That is the same test, without the intersection arithmetic.

use x509_cert::ext::pkix::constraints::name::GeneralSubtree;
use x509_cert::ext::pkix::NameConstraints;

use super::cert::PathCertificate;
use super::extensions::CertExtensions;
use super::name::{email_addresses, CanonName};
use super::subtree::{within, FormName, NameValue, Within};

/// Why a certificate's names fail the constraints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum NameCheckFailure {
    /// The name (as text) is outside a permitted subtree or inside an excluded one.
    Violation(String),
    /// A constraint of this form applies and cannot be evaluated.
    Unsupported(&'static str),
}

/// The constraints gathered along the path so far.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameConstraintState {
    sets: Vec<NameConstraints>,
}

fn check_excluded(subtrees: &[GeneralSubtree], name: &FormName) -> Result<(), Within> {
    for st in subtrees
        .iter()
        .filter(|st| FormName::new(&st.base).form == name.form)
    {
        match within(st, name) {
            Within::No => {}
            other => return Err(other),
        }
    }
    Ok(())
}

fn check_permitted(subtrees: &[GeneralSubtree], name: &FormName) -> Result<(), Within> {
    let mut applies = false;
    let mut unsupported = false;
    for st in subtrees
        .iter()
        .filter(|st| FormName::new(&st.base).form == name.form)
    {
        applies = true;
        match within(st, name) {
            Within::Yes => return Ok(()),
            Within::Unsupported => unsupported = true,
            Within::No => {}
        }
    }
    match (applies, unsupported) {
        (false, _) => Ok(()),
        (true, true) => Err(Within::Unsupported),
        (true, false) => Err(Within::Yes),
    }
}

fn describe(name: &FormName, cert: &PathCertificate) -> String {
    match &name.value {
        NameValue::Directory(_) => cert.subject_text(),
        NameValue::Text(t) => t.clone(),
        NameValue::Ip(octets) => octets
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join("."),
        NameValue::Opaque => name.form.to_owned(),
    }
}

impl NameConstraintState {
    /// Adds the constraints of a CA certificate.
    pub(crate) fn add(&mut self, constraints: &NameConstraints) {
        self.sets.push(constraints.clone());
    }

    /// Checks the subject name (unless empty), the subject's emailAddress attributes (as
    /// rfc822Name) and every subjectAltName of `cert`.
    pub(crate) fn check(
        &self,
        cert: &PathCertificate,
        extensions: &CertExtensions,
    ) -> Result<(), NameCheckFailure> {
        if self.sets.is_empty() {
            return Ok(());
        }
        let mut names = Vec::new();
        if !cert.subject_canon().is_empty() {
            names.push(FormName {
                form: "directoryName",
                value: NameValue::Directory(CanonName::new(cert.subject())),
            });
        }
        names.extend(
            email_addresses(cert.subject())
                .iter()
                .map(|e| FormName::email(e)),
        );
        names.extend(extensions.subject_alt_names.iter().map(FormName::new));
        for set in &self.sets {
            for name in &names {
                let excluded = set.excluded_subtrees.as_deref().unwrap_or_default();
                let permitted = set.permitted_subtrees.as_deref().unwrap_or_default();
                let verdict =
                    check_excluded(excluded, name).and_then(|()| check_permitted(permitted, name));
                match verdict {
                    Ok(()) => {}
                    Err(Within::Unsupported) => {
                        return Err(NameCheckFailure::Unsupported(name.form))
                    }
                    Err(_) => return Err(NameCheckFailure::Violation(describe(name, cert))),
                }
            }
        }
        Ok(())
    }
}
