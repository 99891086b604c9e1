//! Building candidate paths from a certificate up to the trust anchors, through a pool of
//! intermediate certificates.
//!
//! Issuers are found by name (RFC 5280 §7.1 comparison). Among several, only those whose key
//! verifies the certificate's signature are followed, unless none does (then all are, so that
//! the failure can be reported); those whose subject key identifier matches the certificate's
//! authority key identifier come first, then those valid at the validation time. The search is
//! depth-first and bounded: at most
//! `max_path_len` certificates per path, `max_search_steps` issuer candidates examined in all,
//! `max_paths` paths returned. A path never holds the same certificate, or the same subject
//! with the same key, twice, which ends loops of cross-certificates.

use std::collections::HashMap;

use super::cert::PathCertificate;
use super::options::Limits;
use super::signed::verify_signed;
use super::time::Seconds;

/// A path to try.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    /// Top-down: the certificate the anchor issued first, the target last.
    pub path: Vec<PathCertificate>,
    /// The anchor.
    pub anchor: PathCertificate,
}

/// What the search found.
#[derive(Debug, Default)]
pub(crate) struct Search {
    /// The paths, best first.
    pub candidates: Vec<Candidate>,
    /// Whether a limit cut the search short.
    pub limited: bool,
}

struct Builder<'a> {
    pool: &'a [PathCertificate],
    anchors: &'a [PathCertificate],
    time: Seconds,
    limits: Limits,
    steps: usize,
    found: Search,
    /// Whether the key of the second certificate verifies the first's signature.
    verified: HashMap<([u8; 32], [u8; 32]), bool>,
}

fn rank(cert: &PathCertificate, issuer: &PathCertificate, time: Seconds) -> (u8, bool) {
    let key_match = match (cert.authority_key_id(), issuer.subject_key_id()) {
        (Some(a), Some(s)) if a == s => 0,
        (Some(_), Some(_)) => 2,
        _ => 1,
    };
    let (from, to) = issuer.validity();
    (key_match, !(from..=to).contains(&time))
}

impl Builder<'_> {
    fn signs(&mut self, issuer: &PathCertificate, cert: &PathCertificate) -> bool {
        *self
            .verified
            .entry((cert.fingerprint(), issuer.fingerprint()))
            .or_insert_with(|| {
                verify_signed(cert.der(), cert.signed(), issuer.public_key()).is_ok()
            })
    }

    /// The certificates of `set` that may have issued `cert`, best first: those whose key
    /// verifies its signature if any does, else all with the right name.
    fn issuers(&mut self, cert: &PathCertificate, set: &[PathCertificate]) -> Vec<PathCertificate> {
        let mut found: Vec<PathCertificate> = set
            .iter()
            .filter(|c| c.subject_canon() == cert.issuer_canon())
            .cloned()
            .collect();
        let verifying: Vec<PathCertificate> = found
            .iter()
            .filter(|c| self.signs(c, cert))
            .cloned()
            .collect();
        if !verifying.is_empty() {
            found = verifying;
        }
        found.sort_by_key(|c| rank(cert, c, self.time));
        found
    }

    fn full(&self) -> bool {
        self.found.candidates.len() >= self.limits.max_paths
    }

    /// Extends `chain` (bottom-up: the target first).
    fn extend(&mut self, chain: &mut Vec<PathCertificate>) {
        let Some(current) = chain.last().cloned() else {
            return;
        };
        for anchor in self.issuers(&current, self.anchors) {
            if self.full() {
                self.found.limited = true;
                return;
            }
            let mut path = chain.clone();
            path.reverse();
            self.found.candidates.push(Candidate { path, anchor });
        }
        let issuers = self.issuers(&current, self.pool);
        for issuer in issuers {
            let is_anchor = self
                .anchors
                .iter()
                .any(|a| *a == issuer || a.same_subject_and_key(&issuer));
            let in_chain = chain
                .iter()
                .any(|c| *c == issuer || c.same_subject_and_key(&issuer));
            if is_anchor || in_chain {
                continue;
            }
            if chain.len() >= self.limits.max_path_len
                || self.steps >= self.limits.max_search_steps
                || self.full()
            {
                self.found.limited = true;
                return;
            }
            self.steps += 1;
            chain.push(issuer);
            self.extend(chain);
            chain.pop();
        }
    }
}

/// Candidate paths from `target` to one of `anchors` through `pool`.
pub(crate) fn build_paths(
    target: &PathCertificate,
    pool: &[PathCertificate],
    anchors: &[PathCertificate],
    time: Seconds,
    limits: Limits,
) -> Search {
    let mut builder = Builder {
        pool,
        anchors,
        time,
        limits,
        steps: 0,
        found: Search::default(),
        verified: HashMap::new(),
    };
    builder.extend(&mut vec![target.clone()]);
    builder.found
}
