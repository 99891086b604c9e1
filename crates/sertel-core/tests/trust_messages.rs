//! Every reason the trust module reports has a stable kind and a message in Indonesian and in
//! English.

use std::collections::HashSet;

use sertel_core::i18n::{Lang, Localized};
use sertel_core::trust::{
    IndeterminateReason as Ind, InvalidReason as Inv, PathStatus, PathWarning, RevocationReason,
    UnknownRevocation as Unk,
};
use time::OffsetDateTime;

fn subject() -> String {
    "CN=Uji,O=Pemkab".into()
}

fn all() -> Vec<Box<dyn Localized>> {
    let (i, s, t) = (1, subject, OffsetDateTime::UNIX_EPOCH);
    let unknowns = [
        Unk::NotChecked,
        Unk::NoCrl,
        Unk::CrlOutdated,
        Unk::CrlSignatureInvalid,
        Unk::CrlIssuerNotTrusted,
        Unk::CrlUnsupported("delta CRL".into()),
        Unk::ReasonsNotCovered,
        Unk::OcspSignatureInvalid,
        Unk::OcspResponderNotTrusted,
        Unk::OcspOutdated,
        Unk::OcspCertificateUnknown,
        Unk::OcspUnsupported("critical extension 1.2.3".into()),
    ];
    let mut v: Vec<Box<dyn Localized>> = vec![
        Box::new(PathStatus::Valid),
        Box::new(Inv::SignatureInvalid {
            index: i,
            subject: s(),
            detail: "x".into(),
        }),
        Box::new(Inv::NotYetValid {
            index: i,
            subject: s(),
            not_before: t,
        }),
        Box::new(Inv::Expired {
            index: i,
            subject: s(),
            not_after: t,
        }),
        Box::new(Inv::AnchorNotValidAtTime { subject: s() }),
        Box::new(Inv::IssuerNameMismatch {
            index: i,
            subject: s(),
        }),
        Box::new(Inv::NotCa {
            index: i,
            subject: s(),
        }),
        Box::new(Inv::PathLengthExceeded {
            index: i,
            subject: s(),
        }),
        Box::new(Inv::KeyCertSignMissing {
            index: i,
            subject: s(),
        }),
        Box::new(Inv::EndEntityKeyUsage { subject: s() }),
        Box::new(Inv::UnknownCriticalExtension {
            index: i,
            subject: s(),
            oid: "1.2.3".into(),
        }),
        Box::new(Inv::MalformedExtension {
            index: i,
            subject: s(),
            oid: "1.2.3".into(),
        }),
        Box::new(Inv::NameConstraintViolation {
            index: i,
            subject: s(),
            name: "a@b".into(),
        }),
        Box::new(Inv::Revoked {
            index: i,
            subject: s(),
            time: t,
            reason: RevocationReason::Superseded,
        }),
        Box::new(Ind::NoTrustAnchors),
        Box::new(Ind::NoPathToAnchor),
        Box::new(Ind::SearchLimitReached),
        Box::new(Ind::UnsupportedAlgorithm {
            index: i,
            subject: s(),
            detail: "DSA".into(),
        }),
        Box::new(Ind::UnsupportedNameConstraint {
            index: i,
            subject: s(),
            form: "otherName".into(),
        }),
        Box::new(Ind::UnprocessedExtension {
            index: i,
            subject: s(),
            oid: "2.5.29.36".into(),
        }),
        Box::new(Ind::RevocationUnknown {
            index: i,
            subject: s(),
            reason: Unk::NoCrl,
        }),
        Box::new(PathWarning::RevocationUnknown {
            index: i,
            subject: s(),
            reason: Unk::NoCrl,
        }),
        Box::new(PathWarning::RevokedAfterValidationTime {
            index: i,
            subject: s(),
            time: t,
            reason: RevocationReason::KeyCompromise,
        }),
    ];
    v.extend(
        unknowns
            .into_iter()
            .map(|u| Box::new(u) as Box<dyn Localized>),
    );
    v.extend(
        [0, 1, 2, 3, 4, 5, 6, 9, 10]
            .into_iter()
            .filter_map(RevocationReason::from_code)
            .map(|r| Box::new(r) as Box<dyn Localized>),
    );
    v
}

#[test]
fn kinds_are_unique_and_messages_bilingual() {
    let mut kinds = HashSet::new();
    for item in all() {
        assert!(kinds.insert(item.kind()), "duplicate kind {}", item.kind());
        let (id, en) = (item.message(Lang::Id), item.message(Lang::En));
        assert!(!id.is_empty() && !en.is_empty(), "{}", item.kind());
        assert_ne!(id, en, "{} is not translated", item.kind());
    }
    assert_eq!(
        RevocationReason::from_code(8),
        None,
        "removeFromCRL is no revocation"
    );
    for code in [0, 1, 2, 3, 4, 5, 6, 9, 10] {
        let reason = RevocationReason::from_code(code).expect("a revocation");
        assert_eq!(reason.code(), code);
    }
}
