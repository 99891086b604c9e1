//! Certificate requests: built from the owner profile, checked by OpenSSL, parsed and verified
//! (proof of possession) by our own parser, and refused when tampered with.

#![allow(clippy::unwrap_used)]

use std::process::Command;

use der::Encode;
use sertel_core::i18n::{Lang, Localized};
use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_core::profile::{OwnerProfile, RegencyProfile};
use sertel_core::sigcheck::{EcCurve, PublicKeyKind, SigCheckError};
use sertel_core::signer::Signer;
use sertel_core::x509::{
    build_csr, csr_to_der, csr_to_pem, owner_subject, verify_csr, CsrError, X509Error,
};

fn owner() -> OwnerProfile {
    OwnerProfile {
        full_name: "Siti Rahmawati, S.Kom.".into(),
        nip: "19850714 201001 2 003".into(),
        nik: Some("1603055407850001".into()),
        email: "Siti.Rahmawati@muaraenimkab.go.id".into(),
        title: "Pranata Komputer Ahli Muda".into(),
        unit: "Dinas Komunikasi dan Informatika".into(),
        rank: Some("Penata (III/c)".into()),
        phone: None,
    }
}

#[test]
fn openssl_verifies_our_csr() {
    let dir = tempfile::tempdir().unwrap();
    for alg in [KeyAlgorithm::Rsa2048, KeyAlgorithm::EcdsaP256] {
        let key = LocalKey::generate(alg).unwrap();
        let csr = build_csr(&owner(), &RegencyProfile::default(), &key).unwrap();
        let path = dir.path().join(format!("{alg}.csr"));
        std::fs::write(&path, csr_to_pem(&csr).unwrap()).unwrap();
        let out = Command::new("/usr/bin/openssl")
            .args([
                "req",
                "-verify",
                "-noout",
                "-text",
                "-nameopt",
                "utf8,sep_comma_plus_space",
                "-in",
            ])
            .arg(&path)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{text}");
        assert!(
            text.contains("verify OK")
                || text.contains("Certificate request self-signature verify OK"),
            "{text}"
        );
        for needle in [
            "C=ID, ST=Sumatera Selatan, L=Muara Enim, O=Pemerintah Kabupaten Muara Enim, \
             OU=Dinas Komunikasi dan Informatika, title=Pranata Komputer Ahli Muda, \
             CN=Siti Rahmawati, S.Kom., serialNumber=198507142010012003, \
             emailAddress=siti.rahmawati@muaraenimkab.go.id",
            "Requested Extensions:",
            "email:siti.rahmawati@muaraenimkab.go.id",
            "X509v3 Key Usage: critical",
            "Digital Signature, Non Repudiation",
        ] {
            assert!(
                text.contains(needle),
                "{alg}: missing {needle:?} in\n{text}"
            );
        }
        assert!(
            !text.contains("1603055407850001"),
            "the NIK must not be in the CSR"
        );
        // String types: PrintableString for C and serialNumber, IA5String for the e-mail,
        // UTF8String elsewhere.
        let parsed = Command::new("/usr/bin/openssl")
            .args(["asn1parse", "-in"])
            .arg(&path)
            .output()
            .unwrap();
        let asn1 = String::from_utf8_lossy(&parsed.stdout);
        let types: Vec<&str> = asn1
            .lines()
            .filter_map(|l| l.split(':').nth(2).map(str::trim))
            .filter(|t| t.ends_with("STRING") && *t != "OCTET STRING" && *t != "BIT STRING")
            .collect();
        assert_eq!(
            types,
            [
                "PRINTABLESTRING",
                "UTF8STRING",
                "UTF8STRING",
                "UTF8STRING",
                "UTF8STRING",
                "UTF8STRING",
                "UTF8STRING",
                "PRINTABLESTRING",
                "IA5STRING"
            ],
            "{asn1}"
        );
        // DER form also verifies.
        let der_path = dir.path().join(format!("{alg}.der"));
        std::fs::write(&der_path, csr_to_der(&csr).unwrap()).unwrap();
        let st = Command::new("/usr/bin/openssl")
            .args(["req", "-verify", "-noout", "-inform", "DER", "-in"])
            .arg(&der_path)
            .output()
            .unwrap();
        assert!(st.status.success());
    }
}

#[test]
fn parse_and_verify_our_csr() {
    for (alg, kind) in [
        (KeyAlgorithm::Rsa3072, PublicKeyKind::Rsa { bits: 3072 }),
        (KeyAlgorithm::EcdsaP256, PublicKeyKind::Ec(EcCurve::P256)),
    ] {
        let key = LocalKey::generate(alg).unwrap();
        let regency = RegencyProfile::default();
        let csr = build_csr(&owner(), &regency, &key).unwrap();
        let v = verify_csr(csr_to_pem(&csr).unwrap().as_bytes()).unwrap();
        assert_eq!(v.key_kind, kind);
        assert_eq!(v.key_bits(), alg.bits());
        assert_eq!(&v.public_key, key.public_key());
        assert_eq!(v.subject, owner_subject(&owner(), &regency).unwrap());
        assert_eq!(v.requested_extensions.len(), 2);
        assert_eq!(v.requested_extensions[1].extn_id.to_string(), "2.5.29.15");
        assert!(v.requested_extensions[1].critical);
        verify_csr(&csr_to_der(&csr).unwrap()).unwrap();
    }
}

#[test]
fn openssl_made_csr_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new("/usr/bin/openssl")
        .args([
            "req",
            "-new",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-384",
            "-nodes",
        ])
        .args([
            "-subj",
            "/C=ID/O=Pemerintah Kabupaten Muara Enim/CN=Uji OpenSSL",
            "-keyout",
        ])
        .arg(dir.path().join("k.pem"))
        .arg("-out")
        .arg(dir.path().join("r.csr"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = verify_csr(&std::fs::read(dir.path().join("r.csr")).unwrap()).unwrap();
    assert_eq!(v.key_kind, PublicKeyKind::Ec(EcCurve::P384));
    assert_eq!(
        v.subject.to_string(),
        "CN=Uji OpenSSL,O=Pemerintah Kabupaten Muara Enim,C=ID"
    );
}

#[test]
fn tampered_or_broken_csr_is_refused() {
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let csr = build_csr(&owner(), &RegencyProfile::default(), &key).unwrap();
    // Another key in the request: the signature no longer verifies.
    let mut swapped = csr.clone();
    swapped.info.public_key = LocalKey::generate(KeyAlgorithm::EcdsaP256)
        .unwrap()
        .public_key()
        .clone();
    let err = verify_csr(&swapped.to_der().unwrap()).unwrap_err();
    assert_eq!(
        err,
        CsrError::ProofOfPossession(SigCheckError::BadSignature)
    );
    assert_eq!(err.kind(), "csr_signature_invalid");
    assert!(err.message(Lang::Id).contains("Tanda tangan tidak sah"));
    // A byte of the subject changed.
    let mut der = csr.to_der().unwrap();
    let pos = der.windows(4).position(|w| w == b"Siti").unwrap();
    der[pos] = b'X';
    assert!(matches!(
        verify_csr(&der),
        Err(CsrError::ProofOfPossession(SigCheckError::BadSignature))
    ));
    // Not a CSR at all, truncated, wrong PEM label.
    assert!(matches!(
        verify_csr(b"garbage"),
        Err(CsrError::Malformed(_))
    ));
    let good = csr.to_der().unwrap();
    assert!(matches!(
        verify_csr(&good[..good.len() - 5]),
        Err(CsrError::Malformed(_))
    ));
    let cert_pem = "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n";
    assert!(matches!(
        verify_csr(cert_pem.as_bytes()),
        Err(CsrError::Malformed(_))
    ));
}

#[test]
fn invalid_profile_is_refused_with_every_problem() {
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let mut o = owner();
    o.email = "siti@gmail.com".into();
    o.nip = "12345".into();
    let err = build_csr(&o, &RegencyProfile::default(), &key).unwrap_err();
    match &err {
        X509Error::Profile(problems) => assert_eq!(problems.len(), 2, "{problems:?}"),
        other => panic!("{other:?}"),
    }
    assert!(err.message(Lang::En).contains("18 digits"));
}

#[test]
fn seal_csr_has_the_organisation_subject_and_the_agency_address_only_when_given() {
    use sertel_core::profile::SealProfile;
    use sertel_core::x509::{build_seal_csr, seal_subject};
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let regency = RegencyProfile::default();
    let with_email = SealProfile {
        agency: "Dinas Komunikasi dan Informatika".into(),
        email: Some("Diskominfo@muaraenimkab.go.id".into()),
    };
    let csr = build_seal_csr(&with_email, &regency, &key).unwrap();
    let v = verify_csr(csr_to_pem(&csr).unwrap().as_bytes()).unwrap();
    assert_eq!(v.subject, seal_subject(&with_email, &regency).unwrap());
    assert_eq!(
        v.subject.to_string(),
        "CN=Dinas Komunikasi dan Informatika,O=Pemerintah Kabupaten Muara Enim,L=Muara Enim,\
         ST=Sumatera Selatan,C=ID"
    );
    let ids: Vec<String> = v
        .requested_extensions
        .iter()
        .map(|e| e.extn_id.to_string())
        .collect();
    assert_eq!(ids, ["2.5.29.17", "2.5.29.15"]);
    let san = v.requested_extensions[0].extn_value.as_bytes();
    assert!(
        san.ends_with(b"diskominfo@muaraenimkab.go.id"),
        "lower case"
    );
    // Without an address: keyUsage only.
    let plain = SealProfile::new("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia");
    let v =
        verify_csr(&csr_to_der(&build_seal_csr(&plain, &regency, &key).unwrap()).unwrap()).unwrap();
    assert_eq!(v.requested_extensions.len(), 1);
    assert_eq!(v.requested_extensions[0].extn_id.to_string(), "2.5.29.15");
    // A person's subject is never a seal's.
    assert_ne!(
        owner_subject(&owner(), &regency).unwrap(),
        seal_subject(&SealProfile::new(&owner().unit), &regency).unwrap()
    );
    // Problems are reported before anything is signed.
    let bad = SealProfile {
        agency: String::new(),
        email: Some("kominfo@gmail.com".into()),
    };
    match build_seal_csr(&bad, &regency, &key) {
        Err(X509Error::Profile(problems)) => assert_eq!(problems.len(), 2),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_der_request_ending_in_whitespace_bytes_is_read_whole() {
    // An ECDSA signature ends in any byte: about one request in fifty ends in a byte that is
    // ASCII white space, which must not be taken for padding around PEM.
    let regency = RegencyProfile::default();
    let der = (0..2000)
        .map(|_| {
            let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
            csr_to_der(&build_csr(&owner(), &regency, &key).unwrap()).unwrap()
        })
        .find(|der| der.last().is_some_and(u8::is_ascii_whitespace))
        .expect("a request ending in a white-space byte");
    let v = verify_csr(&der).unwrap();
    assert_eq!(v.subject, owner_subject(&owner(), &regency).unwrap());
}
