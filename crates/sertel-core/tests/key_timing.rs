//! Measurements behind the key-file KDF parameters and key generation times.
//!
//! Run with `cargo test -p sertel-core --test key_timing -- --ignored --nocapture` (dependencies,
//! including scrypt and aws-lc, are built with opt-level 3 in every profile).

#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use sertel_core::key::{
    decrypt_key_pem, encrypt_key_pem, export_pkcs12, import_pkcs12, KdfParams, KeyAlgorithm,
    LocalKey, Passphrase, Pkcs12ExportOptions,
};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

#[test]
#[ignore = "measurement; run explicitly"]
fn measure_kdf_parameters() {
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let pass = Passphrase::from("ukur-waktu-kdf-sertel");
    for p in [1, 4, 6, 8] {
        let kdf = KdfParams { log_n: 14, r: 8, p };
        let pem = encrypt_key_pem(&key, &pass, kdf).unwrap();
        let times: Vec<Duration> = (0..7)
            .map(|_| {
                let t = Instant::now();
                decrypt_key_pem(pem.as_bytes(), &pass).unwrap();
                t.elapsed()
            })
            .collect();
        println!(
            "scrypt N=2^14 r=8 p={p} ({} MiB): median {:?}",
            kdf.memory_bytes() >> 20,
            median(times)
        );
    }
}

#[test]
#[ignore = "measurement; run explicitly"]
fn measure_key_generation() {
    for alg in KeyAlgorithm::ALL {
        let runs = if alg == KeyAlgorithm::Rsa4096 { 5 } else { 9 };
        let times: Vec<Duration> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                LocalKey::generate(alg).unwrap();
                t.elapsed()
            })
            .collect();
        let max = times.iter().max().copied().unwrap_or_default();
        println!(
            "generate {alg}: median {:?}, max {:?} ({runs} runs)",
            median(times),
            max
        );
    }
}

#[test]
#[ignore = "measurement; run explicitly"]
fn measure_pkcs12_costs() {
    let pki = test_support::pki::TestPki::get();
    let e = pki.signer(KeyAlgorithm::EcdsaP256);
    let pass = Passphrase::from("ukur-waktu-pkcs12");
    for (pbkdf2, mac) in [(600_000, 1_200_000), (600_000, 600_000), (2048, 2048)] {
        let opts = Pkcs12ExportOptions {
            pbkdf2_iterations: pbkdf2,
            mac_iterations: mac,
            friendly_name: None,
        };
        let t = Instant::now();
        let p12 = export_pkcs12(&e.key, &e.certificate, &e.chain, &pass, &opts).unwrap();
        let export = t.elapsed();
        let t = Instant::now();
        import_pkcs12(&p12, &pass).unwrap();
        println!(
            "PKCS#12 PBKDF2 {pbkdf2} / MAC {mac}: export {export:?}, import {:?}",
            t.elapsed()
        );
    }
}

fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

#[test]
#[ignore = "measurement; run explicitly and alone (peak RSS is per process)"]
fn measure_kdf_peak_memory() {
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let pass = Passphrase::from("ukur-memori-kdf-sertel");
    let pem = encrypt_key_pem(&key, &pass, KdfParams::DEFAULT).unwrap();
    // The encryption above already ran scrypt once; measure a second, load-only run in a fresh
    // process to see the KDF's own peak: report both.
    let before = peak_rss_kib();
    decrypt_key_pem(pem.as_bytes(), &pass).unwrap();
    println!(
        "peak RSS {} KiB (before the load {} KiB); scrypt needs {} KiB",
        peak_rss_kib(),
        before,
        KdfParams::DEFAULT.memory_bytes() / 1024
    );
}
