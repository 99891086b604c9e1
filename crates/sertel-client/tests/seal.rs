//! An agency's electronic seal through the client against the real server: the head applies
//! through the outbox with the request letter and the SK Jabatan, both verifiers approve, and
//! the certificate is the seal's (organisation subject, QcType eseal) for the CSR's key.

#![allow(clippy::unwrap_used, missing_docs)]

mod common;

use der::Decode;
use sertel_client::model::{ApplicationState, Decision};
use sertel_client::outbox::{Outbox, SubmitOutcome};
use sertel_client::submission::{Action, DocumentKind, Submission};
use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_core::profile::{RegencyProfile, SealProfile};
use sertel_core::x509::qc_statements::is_eseal;
use sertel_core::x509::{build_seal_csr, csr_to_pem};
use sertel_server::auth::Role;

use common::*;

#[test]
fn head_of_agency_obtains_the_seal_through_the_client() {
    let server = Server::start();
    let badan = server.signed_in(&server.staff(Role::VerifierBadan, "verifikator.badan"));
    let dinas = server.signed_in(&server.staff(Role::VerifierDinas, "verifikator.dinas"));
    let owner = owner(&server);
    let agency = owner_form().unit;
    let seal = SealProfile::new(&agency);
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let csr = build_seal_csr(&seal, &RegencyProfile::default(), &key).unwrap();
    let consent = owner.consent().unwrap();
    let submission = Submission::new(csr_to_pem(&csr).unwrap().into_bytes(), &consent.version)
        .with_document(DocumentKind::RequestLetter, pdf("surat permohonan segel"))
        .with_document(DocumentKind::SkJabatan, pdf("sk jabatan kepala dinas"));
    let action = Action::SubmitSeal {
        agency: agency.clone(),
        email: None,
    };
    // Checked before anything is queued or sent.
    let incomplete = Submission::new(b"csr".to_vec(), &consent.version);
    let work = tempfile::tempdir().unwrap();
    let outbox = Outbox::open(work.path().join("outbox")).unwrap();
    assert!(outbox.submit(&owner, action.clone(), &incomplete).is_err());

    let app = match outbox.submit(&owner, action, &submission).unwrap() {
        SubmitOutcome::Sent(application) => application,
        other => panic!("not sent: {other:?}"),
    };
    assert_eq!(app.state, ApplicationState::Submitted);
    assert_eq!(app.seal_agency.as_deref(), Some(agency.as_str()));
    badan
        .review(
            &app.id,
            Decision::Approve,
            "Surat permohonan dan SK Jabatan sesuai",
        )
        .unwrap();
    let issued = dinas.review(&app.id, Decision::Approve, "").unwrap();
    assert_eq!(issued.state, ApplicationState::Issued);

    let cert = owner.certificate(&app.id).unwrap();
    let parsed = x509_cert::Certificate::from_der(&cert.der).unwrap();
    assert!(is_eseal(&parsed));
    assert_eq!(
        parsed.tbs_certificate.subject.to_string(),
        format!(
            "CN={agency},O=Pemerintah Kabupaten Muara Enim,L=Muara Enim,ST=Sumatera Selatan,C=ID"
        )
    );
    assert_eq!(certified_key(&cert.der), key.public_key_der().unwrap());
}
