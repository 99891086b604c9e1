//! OpenSSL as an independent judge of Sertel's OCSP: it reads Sertel's requests (and computes
//! the same CertIDs), answers them as an offline responder (whose good / revoked / unknown
//! answers Sertel's checker must classify), and verifies Sertel's responder's answers.

mod ocsp_support;

use ocsp_support::{openssl_subject, pc, request, responder, serial, write_pki};
use sertel_core::ocsp::{
    check_response, CertIdHash, NonceChoice, OcspCheckOptions, OcspStatus, RequestOptions,
    ResponderKind, SerialStatus,
};
use sertel_core::trust::RevocationReason;
use test_support::judges::{index_serial, IndexEntry, OpensslOcsp, ToolRun};
use test_support::pki::{TestEntity, TestPki};
use time::{Duration, OffsetDateTime};

fn now() -> OffsetDateTime {
    // OpenSSL stamps its responses with the real clock: check them against it.
    let t = OffsetDateTime::now_utc();
    t.replace_nanosecond(0).expect("whole seconds")
}

fn hash_name(h: CertIdHash) -> &'static str {
    match h {
        CertIdHash::Sha1 => "sha1",
        CertIdHash::Sha256 => "sha256",
        CertIdHash::Sha384 => "sha384",
        CertIdHash::Sha512 => "sha512",
        _ => unreachable!("all hashes listed"),
    }
}

/// The `Certificate ID:` block of `-req_text` output.
fn cert_id_block(run: &ToolRun) -> String {
    let text = &run.stdout;
    let start = text
        .find("Certificate ID:")
        .unwrap_or_else(|| panic!("{run}"));
    text[start..]
        .lines()
        .take(5)
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn openssl_reads_our_requests_and_computes_the_same_cert_ids() {
    let pki = TestPki::get();
    let judge = OpensslOcsp::new();
    write_pki(judge.dir());
    let signer = &pki.signers[1];
    for hash in CertIdHash::ALL {
        let nonce = vec![0xA5; 20];
        let options = RequestOptions::default()
            .with_hash(hash)
            .with_nonce(NonceChoice::Given(nonce.clone()));
        let ours = judge.request_text(request(signer, &pki.intermediate, &options).der());
        assert_eq!(ours.code, Some(0), "{ours}");
        assert!(
            ours.stdout
                .contains(&format!("Hash Algorithm: {}", hash_name(hash))),
            "{ours}"
        );
        assert!(
            ours.stdout
                .contains(&format!("Serial Number: {}", index_serial(&serial(signer)))),
            "{ours}"
        );
        // The nonce extension holds the DER OCTET STRING of the nonce.
        let nonce_hex = format!("0414{}", hex::encode_upper(&nonce));
        assert!(ours.stdout.contains("OCSP Nonce"), "{ours}");
        assert!(ours.stdout.contains(&nonce_hex), "{ours}");
        // OpenSSL's own request for the same certificate names it identically.
        let theirs = judge.run(&[
            &format!("-{}", hash_name(hash)),
            "-issuer",
            "intermediate.pem",
            "-cert",
            &format!("{}.pem", signer.name),
            "-no_nonce",
            "-req_text",
        ]);
        assert_eq!(theirs.code, Some(0), "{theirs}");
        assert_eq!(cert_id_block(&ours), cert_id_block(&theirs));
    }
    // Without a nonce, no extension at all.
    let bare = RequestOptions::default().with_nonce(NonceChoice::None);
    let run = judge.request_text(request(signer, &pki.intermediate, &bare).der());
    assert!(!run.stdout.contains("Nonce"), "{run}");
}

fn entries(good: &TestEntity, revoked: &TestEntity, at: OffsetDateTime) -> Vec<IndexEntry> {
    vec![
        IndexEntry {
            serial: serial(good),
            subject: openssl_subject(good),
            revoked: None,
        },
        IndexEntry {
            serial: serial(revoked),
            subject: openssl_subject(revoked),
            revoked: Some((at, Some("keyCompromise"))),
        },
    ]
}

#[test]
fn our_checker_classifies_openssl_responses() {
    let pki = TestPki::get();
    let judge = OpensslOcsp::new();
    write_pki(judge.dir());
    let (good, revoked, unknown) = (&pki.signers[0], &pki.signers[1], &pki.signers[2]);
    let revoked_at = now() - Duration::days(3);
    let index = entries(good, revoked, revoked_at);
    let signers = [
        (
            "intermediate.pem",
            "intermediate.key.pem",
            ResponderKind::Issuer,
        ),
        (
            "ocsp.pem",
            "ocsp.key.pem",
            ResponderKind::Delegated {
                subject: pc(&pki.ocsp).subject_text(),
                no_check: true,
            },
        ),
    ];
    for (rsigner, rkey, kind) in signers {
        for hash in [CertIdHash::Sha1, CertIdHash::Sha256] {
            let cases = [
                (good, OcspStatus::Good),
                (
                    revoked,
                    OcspStatus::Revoked {
                        time: revoked_at,
                        reason: RevocationReason::KeyCompromise,
                    },
                ),
                (unknown, OcspStatus::Unknown),
            ];
            for (cert, expected) in cases {
                let options = RequestOptions::default().with_hash(hash);
                let req = request(cert, &pki.intermediate, &options);
                let (resp, run) = judge.respond(
                    &index,
                    "intermediate.pem",
                    rsigner,
                    rkey,
                    req.der(),
                    &["-ndays", "1"],
                );
                assert_eq!(run.code, Some(0), "{run}");
                let verified = check_response(
                    &resp,
                    &pc(cert),
                    &pc(&pki.intermediate),
                    req.nonce(),
                    &OcspCheckOptions::at(now()),
                )
                .unwrap_or_else(|e| panic!("{rsigner} {hash:?} {}: {e}", cert.name));
                assert_eq!(verified.status, expected, "{rsigner} {hash:?}");
                assert_eq!(verified.responder, kind);
                assert!(verified.next_update.is_some());
            }
        }
    }
}

#[test]
fn openssl_accepts_our_responders_answers() {
    let pki = TestPki::get();
    let judge = OpensslOcsp::new();
    write_pki(judge.dir());
    let (good, revoked, unknown) = (&pki.signers[0], &pki.signers[1], &pki.signers[3]);
    let revoked_at = now() - Duration::days(2);
    let statuses = ocsp_support::lookup(vec![
        (serial(good), SerialStatus::Good),
        (
            serial(revoked),
            SerialStatus::Revoked {
                time: revoked_at,
                reason: RevocationReason::KeyCompromise,
            },
        ),
    ]);
    let as_ca = responder(&pki.intermediate, &pki.intermediate, statuses.clone());
    let delegated = responder(&pki.intermediate, &pki.ocsp, statuses);
    for (name, resp) in [("CA", &as_ca), ("delegated", &delegated)] {
        for (cert, status) in [
            (good, "Cert Status: good"),
            (revoked, "Cert Status: revoked"),
            (unknown, "Cert Status: unknown"),
        ] {
            let is_revoked = status.ends_with("revoked");
            let req = request(cert, &pki.intermediate, &RequestOptions::default());
            let answer = resp.respond(req.der(), now());
            // OpenSSL needs the issuing CA as an untrusted intermediate to chain a delegated
            // responder to the root.
            let run = judge.verify(
                &answer,
                req.der(),
                "intermediate.pem",
                "root.pem",
                &["-verify_other", "intermediate.pem"],
            );
            let all = format!("{}{}", run.stdout, run.stderr);
            assert!(all.contains("Response verify OK"), "{name}: {run}");
            assert!(!all.contains("Nonce Verify error"), "{name}: {run}");
            assert!(!all.contains("no nonce in response"), "{name}: {run}");
            assert!(all.contains(status), "{name}: {run}");
            let nonce = req.nonce().expect("default request has a nonce");
            assert!(
                all.contains(&format!("0420{}", hex::encode_upper(nonce))),
                "{name}: {run}"
            );
            if is_revoked {
                assert!(all.contains("Revocation Reason: keyCompromise"), "{run}");
            }
        }
    }
    // The judge does notice a response to another request (a different nonce).
    let req = request(good, &pki.intermediate, &RequestOptions::default());
    let other = request(good, &pki.intermediate, &RequestOptions::default());
    let answer = as_ca.respond(other.der(), now());
    let run = judge.verify(&answer, req.der(), "intermediate.pem", "root.pem", &[]);
    assert!(
        format!("{}{}", run.stdout, run.stderr).contains("Nonce Verify error"),
        "{run}"
    );
}
