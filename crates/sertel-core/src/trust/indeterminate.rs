//! Why a certification path could be neither accepted nor rejected: something is missing or
//! not supported, and more information or a newer Sertel might decide.

use super::revocation_reason::UnknownRevocation;
use crate::i18n::{Lang, Localized};

/// Why a path is indeterminate. `index` and `subject` are as in [`super::InvalidReason`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum IndeterminateReason {
    /// The trust store is empty.
    NoTrustAnchors,
    /// No chain of issuers leads from the certificate to a trust anchor (an intermediate
    /// certificate is missing, or the anchor is not trusted).
    NoPathToAnchor,
    /// The search for a path stopped at a configured limit before finding one.
    SearchLimitReached,
    /// A signature uses an algorithm or key Sertel does not verify (DSA, for instance).
    UnsupportedAlgorithm {
        /// Position in the path.
        index: usize,
        /// Subject name.
        subject: String,
        /// What is not supported.
        detail: String,
    },
    /// A name constraint uses a name form Sertel does not process, and the certificate has a
    /// name of that form (or a subtree with bounds).
    UnsupportedNameConstraint {
        /// Position in the path.
        index: usize,
        /// Subject name.
        subject: String,
        /// The name form.
        form: String,
    },
    /// A certificate policy extension whose effect Sertel does not evaluate (policyConstraints
    /// requiring an explicit policy; a critical policyMappings, inhibitAnyPolicy or
    /// freshestCRL).
    UnprocessedExtension {
        /// Position in the path.
        index: usize,
        /// Subject name.
        subject: String,
        /// The extension's OID.
        oid: String,
    },
    /// The revocation status of a certificate is unknown and the policy is hard-fail.
    RevocationUnknown {
        /// Position in the path.
        index: usize,
        /// Subject name.
        subject: String,
        /// Why it is unknown.
        reason: UnknownRevocation,
    },
}

impl Localized for IndeterminateReason {
    fn kind(&self) -> &'static str {
        use IndeterminateReason::*;
        match self {
            NoTrustAnchors => "path_no_trust_anchors",
            NoPathToAnchor => "path_no_path_to_anchor",
            SearchLimitReached => "path_search_limit",
            UnsupportedAlgorithm { .. } => "path_unsupported_algorithm",
            UnsupportedNameConstraint { .. } => "path_unsupported_name_constraint",
            UnprocessedExtension { .. } => "path_unprocessed_extension",
            RevocationUnknown { .. } => "path_revocation_unknown",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use IndeterminateReason::*;
        match self {
            NoTrustAnchors => lang
                .pick(
                    "Belum ada sertifikat akar tepercaya; impor sertifikat CA yang Anda percayai.",
                    "No trust anchors yet; import the CA certificates you trust.",
                )
                .to_owned(),
            NoPathToAnchor => lang
                .pick(
                    "Tidak ditemukan rantai sertifikat menuju sertifikat akar tepercaya.",
                    "No certificate chain to a trust anchor was found.",
                )
                .to_owned(),
            SearchLimitReached => lang
                .pick(
                    "Pencarian rantai sertifikat dihentikan karena mencapai batas.",
                    "The search for a certificate chain stopped at its limit.",
                )
                .to_owned(),
            UnsupportedAlgorithm { subject, detail, .. } => lang.pick(
                format!("Tanda tangan pada sertifikat \"{subject}\" memakai algoritma yang tidak didukung: {detail}."),
                format!("The signature on certificate \"{subject}\" uses an unsupported algorithm: {detail}."),
            ),
            UnsupportedNameConstraint { subject, form, .. } => lang.pick(
                format!("Batasan nama jenis {form} untuk sertifikat \"{subject}\" tidak dapat diperiksa."),
                format!("A {form} name constraint on certificate \"{subject}\" cannot be checked."),
            ),
            UnprocessedExtension { subject, oid, .. } => lang.pick(
                format!("Sertifikat \"{subject}\" memuat ekstensi kebijakan {oid} yang tidak diproses."),
                format!("Certificate \"{subject}\" has policy extension {oid}, which is not processed."),
            ),
            RevocationUnknown { subject, reason, .. } => lang.pick(
                format!("Status pencabutan sertifikat \"{subject}\" tidak diketahui: {}.", reason.message(lang)),
                format!("The revocation status of certificate \"{subject}\" is unknown: {}.", reason.message(lang)),
            ),
        }
    }
}
