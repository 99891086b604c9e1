//! Every error and status the OCSP module reports has a stable, unique kind and a message in
//! Indonesian and in English.

use std::collections::HashSet;

use sertel_core::http::HttpError;
use sertel_core::i18n::{Lang, Localized};
use sertel_core::ocsp::{OcspError, OcspStatus, ResponderSetupError, ResponseStatus};
use sertel_core::trust::RevocationReason;
use time::OffsetDateTime;

fn all() -> Vec<Box<dyn Localized>> {
    let t = OffsetDateTime::UNIX_EPOCH;
    let statuses = [
        ResponseStatus::Successful,
        ResponseStatus::MalformedRequest,
        ResponseStatus::InternalError,
        ResponseStatus::TryLater,
        ResponseStatus::SigRequired,
        ResponseStatus::Unauthorized,
    ];
    let errors = [
        OcspError::Http(HttpError::TooLarge {
            url: "http://127.0.0.1/".into(),
            limit: 1,
        }),
        OcspError::TooLarge { size: 2, limit: 1 },
        OcspError::TooMany { limit: 1 },
        OcspError::Malformed("x".into()),
        OcspError::Unsuccessful(ResponseStatus::TryLater),
        OcspError::UnsupportedResponseType("1.2.3".into()),
        OcspError::Unsupported("critical extension 1.2.3".into()),
        OcspError::UnsupportedAlgorithm("DSA".into()),
        OcspError::SignatureInvalid,
        OcspError::ResponderUnknown,
        OcspError::ResponderNotAuthorized("no EKU".into()),
        OcspError::CertificateNotInResponse,
        OcspError::ThisUpdateInFuture(t),
        OcspError::NextUpdatePassed(t),
        OcspError::TooOld(t),
        OcspError::NonceMissing,
        OcspError::NonceMismatch,
        OcspError::Request("nonce".into()),
    ];
    let setup = [
        ResponderSetupError::KeyMismatch,
        ResponderSetupError::NotIssuedByCa,
        ResponderSetupError::MissingOcspSigning,
        ResponderSetupError::InvalidSetting("x".into()),
    ];
    let results = [
        OcspStatus::Good,
        OcspStatus::Revoked {
            time: t,
            reason: RevocationReason::KeyCompromise,
        },
        OcspStatus::Unknown,
    ];
    let mut v: Vec<Box<dyn Localized>> = Vec::new();
    v.extend(
        statuses
            .into_iter()
            .map(|s| Box::new(s) as Box<dyn Localized>),
    );
    v.extend(
        errors
            .into_iter()
            .map(|e| Box::new(e) as Box<dyn Localized>),
    );
    v.extend(setup.into_iter().map(|e| Box::new(e) as Box<dyn Localized>));
    v.extend(
        results
            .into_iter()
            .map(|s| Box::new(s) as Box<dyn Localized>),
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
}
