//! Measurements behind the key-file KDF parameters and key generation times.
//!
//! Run with `cargo test -p sertel-core --test key_timing -- --ignored --nocapture` (dependencies,
//! including scrypt and aws-lc, are built with opt-level 3 in every profile).

use std::time::{Duration, Instant};

use sertel_core::key::{decrypt_key_pem, encrypt_key_pem, KdfParams, KeyAlgorithm, LocalKey, Passphrase};

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
        println!("generate {alg}: median {:?}, max {:?} ({runs} runs)", median(times), max);
    }
}
