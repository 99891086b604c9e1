//! The passphrase-protected key file: round trips, every error path, atomic writes, and OpenSSL
//! interoperability in both directions.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use sertel_core::i18n::{Lang, Localized};
use sertel_core::key::{
    decrypt_key_pem, encrypt_key_pem, load_key_file, save_key_file, KdfParams, KeyAlgorithm,
    KeyFileError, LocalKey, Passphrase, SaveOptions,
};
use sertel_core::sigcheck;
use sertel_core::signer::Signer;

/// Cheap scrypt parameters so the error-path tests stay fast; the default is tested separately.
const FAST: KdfParams = KdfParams {
    log_n: 10,
    r: 8,
    p: 1,
};
const PASS: &str = "kuda-lumping-sungai-lematang-7";

fn fast_options() -> SaveOptions {
    SaveOptions {
        overwrite: false,
        kdf: FAST,
    }
}

fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn assert_signs(key: &LocalKey) {
    let msg = b"Surat Keputusan Bupati Muara Enim";
    let sig = key.sign(msg).unwrap();
    let alg = key.algorithm().algorithm_identifier();
    sigcheck::verify(key.public_key(), &alg, msg, &sig).unwrap();
    assert_eq!(
        sigcheck::verify(key.public_key(), &alg, b"tampered", &sig),
        Err(sigcheck::SigCheckError::BadSignature)
    );
}

fn openssl() -> Command {
    Command::new("/usr/bin/openssl")
}

#[test]
fn generate_save_load_sign_verify_every_algorithm() {
    let dir = tempfile::tempdir().unwrap();
    for alg in KeyAlgorithm::ALL {
        let key = LocalKey::generate(alg).unwrap();
        assert_eq!(key.key_algorithm(), alg);
        let path = dir.path().join(format!("{alg}.pem"));
        save_key_file(&path, &key, &Passphrase::from(PASS), &fast_options()).unwrap();
        let loaded = load_key_file(&path, &Passphrase::from(PASS)).unwrap();
        assert_eq!(loaded.key_algorithm(), alg);
        assert_eq!(loaded.public_key(), key.public_key());
        assert_signs(&loaded);
    }
}

#[test]
fn sign_digest_matches_sign() {
    use sha2::Digest;
    for alg in [KeyAlgorithm::Rsa2048, KeyAlgorithm::EcdsaP256] {
        let key = LocalKey::generate(alg).unwrap();
        let msg = b"isi dokumen";
        let digest = sha2::Sha256::digest(msg);
        let sig = key.sign_digest(&digest).unwrap();
        let algid = key.algorithm().algorithm_identifier();
        sigcheck::verify(key.public_key(), &algid, msg, &sig).unwrap();
        sigcheck::verify_prehashed(key.public_key(), &algid, &digest, &sig).unwrap();
        assert!(key.sign_digest(&digest[..31]).is_err());
    }
}

#[test]
fn wrong_passphrase_is_distinct() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.pem");
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    save_key_file(&path, &key, &Passphrase::from(PASS), &fast_options()).unwrap();
    // Many wrong passphrases: none may load, and none may report anything but a wrong passphrase
    // (about one in 256 passes the padding check and must be caught by the PKCS#8 check).
    for i in 0..300 {
        let err = load_key_file(&path, &Passphrase::new(format!("salah-{i}"))).unwrap_err();
        assert!(matches!(err, KeyFileError::WrongPassphrase), "{i}: {err:?}");
    }
    let err = load_key_file(&path, &Passphrase::from("salah")).unwrap_err();
    assert_eq!(err.kind(), "wrong_passphrase");
    assert_eq!(err.message(Lang::Id), "Frasa sandi salah.");
    assert_eq!(err.message(Lang::En), "Wrong passphrase.");
}

#[test]
fn not_found_and_invalid_path() {
    let dir = tempfile::tempdir().unwrap();
    let err = load_key_file(&dir.path().join("none.pem"), &Passphrase::from(PASS)).unwrap_err();
    assert!(matches!(err, KeyFileError::NotFound(_)), "{err:?}");
    let err = load_key_file(dir.path(), &Passphrase::from(PASS)).unwrap_err();
    assert!(matches!(err, KeyFileError::InvalidPath(_)), "{err:?}");
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let err =
        save_key_file(dir.path(), &key, &Passphrase::from(PASS), &fast_options()).unwrap_err();
    assert!(matches!(err, KeyFileError::InvalidPath(_)), "{err:?}");
}

#[test]
fn truncated_at_many_lengths() {
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let pem = encrypt_key_pem(&key, &Passphrase::from(PASS), FAST).unwrap();
    let bytes = pem.as_bytes();
    let der = der::pem::decode_vec(bytes).unwrap().1;
    for cut in [
        0,
        1,
        10,
        27,
        40,
        100,
        bytes.len() / 2,
        bytes.len() - 30,
        bytes.len() - 2,
    ] {
        let err = decrypt_key_pem(&bytes[..cut], &Passphrase::from(PASS)).unwrap_err();
        assert!(matches!(err, KeyFileError::Truncated), "cut {cut}: {err:?}");
    }
    for cut in [1, 2, 10, der.len() / 2, der.len() - 1] {
        let err = decrypt_key_pem(&der[..cut], &Passphrase::from(PASS)).unwrap_err();
        assert!(
            matches!(err, KeyFileError::Truncated),
            "DER cut {cut}: {err:?}"
        );
    }
    // The whole DER form also loads.
    decrypt_key_pem(&der, &Passphrase::from(PASS)).unwrap();
}

#[test]
fn corrupt_files() {
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let pem = encrypt_key_pem(&key, &Passphrase::from(PASS), FAST).unwrap();
    let pass = Passphrase::from(PASS);
    let cases: Vec<Vec<u8>> = vec![
        b"hello, this is not a key".to_vec(),
        pem.replace("MI", "!!").into_bytes(),
        b"-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n".to_vec(),
        vec![0x30, 0x03, 0x02, 0x01, 0x00],
    ];
    for (i, data) in cases.iter().enumerate() {
        let err = decrypt_key_pem(data, &pass).unwrap_err();
        assert!(matches!(err, KeyFileError::Corrupt(_)), "case {i}: {err:?}");
        assert_eq!(err.kind(), "key_file_corrupt");
    }
    // A flipped ciphertext byte: the padding or the PKCS#8 check fails, which without a MAC is
    // indistinguishable from a wrong passphrase.
    let mut der = der::pem::decode_vec(pem.as_bytes()).unwrap().1;
    let n = der.len();
    der[n - 20] ^= 0x55;
    let err = decrypt_key_pem(&der, &pass).unwrap_err();
    assert!(matches!(err, KeyFileError::WrongPassphrase), "{err:?}");
}

fn openssl_encrypt(dir: &Path, name: &str, genpkey: &[&str], extra: &[&str]) -> PathBuf {
    let plain = dir.join(format!("{name}.plain.pem"));
    let out = dir.join(format!("{name}.pem"));
    let st = openssl()
        .args(["genpkey", "-out"])
        .arg(&plain)
        .args(genpkey)
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(st.success());
    let st = openssl()
        .args(["pkcs8", "-topk8", "-in"])
        .arg(&plain)
        .arg("-out")
        .arg(&out)
        .args(["-passout", &format!("pass:{PASS}")])
        .args(extra)
        .status()
        .unwrap();
    assert!(st.success());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    out
}

#[test]
fn unsupported_algorithms() {
    let dir = tempfile::tempdir().unwrap();
    let pass = Passphrase::from(PASS);
    for (name, genpkey) in [
        ("ed25519", vec!["-algorithm", "ed25519"]),
        (
            "p384",
            vec!["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
        ),
    ] {
        let path = openssl_encrypt(dir.path(), name, &genpkey, &["-v2", "aes256"]);
        let err = load_key_file(&path, &pass).unwrap_err();
        assert!(
            matches!(err, KeyFileError::UnsupportedAlgorithm(_)),
            "{name}: {err:?}"
        );
        assert!(err.message(Lang::Id).contains("tidak didukung"));
    }
    // A DSA key from the independent pyHanko corpus (unencrypted), encrypted by OpenSSL.
    let dsa = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpora/pyhanko/crypto/keys-dsa/signer.key.pem");
    let dsa = if dsa.exists() {
        dsa
    } else {
        PathBuf::from("/work/shared/corpora/pyhanko/crypto/keys-dsa/signer.key.pem")
    };
    if dsa.exists() {
        let out = dir.path().join("dsa.pem");
        let st = openssl()
            .args(["pkcs8", "-topk8", "-v2", "aes256", "-in"])
            .arg(&dsa)
            .arg("-out")
            .arg(&out)
            .args(["-passout", &format!("pass:{PASS}")])
            .status()
            .unwrap();
        assert!(st.success());
        let data = std::fs::read(&out).unwrap();
        let err = decrypt_key_pem(&data, &pass).unwrap_err();
        assert!(
            matches!(err, KeyFileError::UnsupportedAlgorithm(ref w) if w == "DSA"),
            "{err:?}"
        );
    }
    // A legacy PBES1 scheme (pbeWithSHA1And3-KeyTripleDES-CBC) is refused as unsupported.
    let path = openssl_encrypt(
        dir.path(),
        "pbes1",
        &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
        &["-v1", "PBE-SHA1-3DES"],
    );
    let err = load_key_file(&path, &pass).unwrap_err();
    assert!(
        matches!(err, KeyFileError::UnsupportedAlgorithm(_)),
        "{err:?}"
    );
    // PBES2 with a DES-EDE3 cipher: unsupported cipher.
    let path = openssl_encrypt(
        dir.path(),
        "des3",
        &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
        &["-v2", "des3"],
    );
    let err = load_key_file(&path, &pass).unwrap_err();
    assert!(
        matches!(err, KeyFileError::UnsupportedAlgorithm(ref w) if w.contains("DES")),
        "{err:?}"
    );
    // An unencrypted key file is refused.
    let plain = dir.path().join("des3.plain.pem");
    let err = decrypt_key_pem(&std::fs::read(plain).unwrap(), &pass).unwrap_err();
    assert!(matches!(err, KeyFileError::NotEncrypted), "{err:?}");
}

#[test]
fn reads_keys_encrypted_by_openssl() {
    let dir = tempfile::tempdir().unwrap();
    let pass = Passphrase::from(PASS);
    let rsa = ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"];
    let ec = ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"];
    let scrypt = [
        "-scrypt",
        "-scrypt_N",
        "16384",
        "-scrypt_r",
        "8",
        "-scrypt_p",
        "1",
    ];
    let pbkdf2 = ["-v2", "aes256", "-v2prf", "hmacWithSHA256"];
    let pbkdf2_sha1_aes128 = ["-v2", "aes128", "-v2prf", "hmacWithSHA1"];
    for (name, gen, enc) in [
        ("rsa-scrypt", &rsa[..], &scrypt[..]),
        ("ec-scrypt", &ec[..], &scrypt[..]),
        ("rsa-pbkdf2", &rsa[..], &pbkdf2[..]),
        ("ec-pbkdf2-sha1", &ec[..], &pbkdf2_sha1_aes128[..]),
    ] {
        let path = openssl_encrypt(dir.path(), name, gen, enc);
        let key = load_key_file(&path, &pass).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_signs(&key);
        let err = load_key_file(&path, &Passphrase::from("bukan ini")).unwrap_err();
        assert!(
            matches!(err, KeyFileError::WrongPassphrase),
            "{name}: {err:?}"
        );
    }
}

#[test]
fn openssl_reads_our_key_file() {
    let dir = tempfile::tempdir().unwrap();
    for alg in [KeyAlgorithm::Rsa2048, KeyAlgorithm::EcdsaP256] {
        let key = LocalKey::generate(alg).unwrap();
        let path = dir.path().join(format!("{alg}.pem"));
        // The production parameters, so OpenSSL's scrypt memory limit is exercised too.
        save_key_file(
            &path,
            &key,
            &Passphrase::from(PASS),
            &SaveOptions::default(),
        )
        .unwrap();
        let out = openssl()
            .args(["pkey", "-pubout", "-outform", "DER", "-in"])
            .arg(&path)
            .args(["-passin", &format!("pass:{PASS}")])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.stdout, key.public_key_der().unwrap(), "{alg}");
        let bad = openssl()
            .args(["pkey", "-noout", "-in"])
            .arg(&path)
            .args(["-passin", "pass:salah"])
            .output()
            .unwrap();
        assert!(!bad.status.success());
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
    }
}

#[cfg(unix)]
#[test]
fn permissions_too_open_are_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.pem");
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    save_key_file(&path, &key, &Passphrase::from(PASS), &fast_options()).unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    for mode in [0o644, 0o640, 0o604, 0o660] {
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        let err = load_key_file(&path, &Passphrase::from(PASS)).unwrap_err();
        assert!(
            matches!(err, KeyFileError::PermissionsTooOpen { mode: m, .. } if m == mode),
            "{mode:o}: {err:?}"
        );
        assert!(err.message(Lang::Id).contains("chmod 600"));
    }
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
    load_key_file(&path, &Passphrase::from(PASS)).unwrap();
}

#[test]
fn existing_file_is_not_overwritten_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.pem");
    let first = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let second = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let pass = Passphrase::from(PASS);
    save_key_file(&path, &first, &pass, &fast_options()).unwrap();
    let err = save_key_file(&path, &second, &pass, &fast_options()).unwrap_err();
    assert!(matches!(err, KeyFileError::AlreadyExists(_)), "{err:?}");
    assert_eq!(
        load_key_file(&path, &pass).unwrap().public_key(),
        first.public_key()
    );
    let opts = SaveOptions {
        overwrite: true,
        kdf: FAST,
    };
    save_key_file(&path, &second, &pass, &opts).unwrap();
    assert_eq!(
        load_key_file(&path, &pass).unwrap().public_key(),
        second.public_key()
    );
    assert_eq!(entries(dir.path()), vec!["k.pem".to_owned()]);
}

#[test]
fn failures_leave_no_files_behind() {
    let dir = tempfile::tempdir().unwrap();
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let pass = Passphrase::from(PASS);
    // Missing directory.
    let err = save_key_file(
        &dir.path().join("missing/k.pem"),
        &key,
        &pass,
        &fast_options(),
    )
    .unwrap_err();
    assert!(matches!(err, KeyFileError::Io { .. }), "{err:?}");
    // Caller misuse: empty passphrase, absurd scrypt parameters.
    let path = dir.path().join("k.pem");
    let err = save_key_file(&path, &key, &Passphrase::from(""), &fast_options()).unwrap_err();
    assert!(matches!(err, KeyFileError::EmptyPassphrase), "{err:?}");
    let huge = SaveOptions {
        overwrite: false,
        kdf: KdfParams {
            log_n: 20,
            r: 8,
            p: 1,
        },
    };
    let err = save_key_file(&path, &key, &pass, &huge).unwrap_err();
    assert!(matches!(err, KeyFileError::InvalidKdfParams(_)), "{err:?}");
    assert!(entries(dir.path()).is_empty(), "{:?}", entries(dir.path()));

    // A read-only directory (only meaningful when not running as root, which ignores it).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let ro = dir.path().join("ro");
        std::fs::create_dir(&ro).unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o500)).unwrap();
        let probe = std::fs::File::create(ro.join("probe"));
        if probe.is_err() {
            let err = save_key_file(&ro.join("k.pem"), &key, &pass, &fast_options()).unwrap_err();
            assert!(matches!(err, KeyFileError::Io { .. }), "{err:?}");
            assert!(entries(&ro).is_empty());
        } else {
            std::fs::remove_file(ro.join("probe")).unwrap();
        }
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
}

#[test]
fn hostile_kdf_parameters_are_refused() {
    // OpenSSL writes scrypt N = 2^14, r = 8 (16 MiB); patching r to 127 asks for 254 MiB, which
    // must be refused before any work is done.
    let dir = tempfile::tempdir().unwrap();
    let path = openssl_encrypt(
        dir.path(),
        "big",
        &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
        &[
            "-scrypt",
            "-scrypt_N",
            "16384",
            "-scrypt_r",
            "8",
            "-scrypt_p",
            "1",
        ],
    );
    let data = std::fs::read(&path).unwrap();
    let mut der = der::pem::decode_vec(&data).unwrap().1;
    decrypt_key_pem(&der, &Passphrase::from(PASS)).unwrap();
    let pat = [0x02, 0x02, 0x40, 0x00, 0x02, 0x01, 0x08];
    let pos = der.windows(pat.len()).position(|w| w == pat).unwrap();
    der[pos + 6] = 0x7f;
    let start = std::time::Instant::now();
    let err = decrypt_key_pem(&der, &Passphrase::from(PASS)).unwrap_err();
    assert!(matches!(err, KeyFileError::KdfTooExpensive(_)), "{err:?}");
    assert!(start.elapsed().as_millis() < 50);
}
