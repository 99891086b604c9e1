//! Signing benchmarks: one official letter signed whole (`sign_file`), the three stages of
//! signing taken apart, a 64 MiB PDF (throughput), and opening the passphrase-protected key file.
//!
//! ```text
//! cargo bench -p sertel-core --bench sign                 # full run (a few minutes)
//! cargo bench -p sertel-core --bench sign -- --quick      # quick estimates
//! cargo bench -p sertel-core --bench sign -- letter/      # one group only
//! ```
//!
//! Every case writes into one temporary folder and replaces its own output each iteration
//! (`overwrite`), so the disk holds a single signed copy per case. `sign_file` ends with an
//! `fsync` of the signed file and its folder, which is part of what is measured.

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use sertel_core::key::{load_key_file, save_key_file, KeyAlgorithm, Passphrase, SaveOptions};
use sertel_core::pades::prepare::SignerIdentity;
use sertel_core::pades::{prepare, sign_file, Appearance, Level, SignOptions};
use tempfile::TempDir;
use test_support::letters::{sample_letter, LetterSpec, PageSize};
use test_support::pki::{TestEntity, TestPki};

/// Size of the large-file case.
const BIG_PDF_BYTES: u64 = 64 * 1024 * 1024;

/// B-B, invisible, fixed signing time, replacing the previous iteration's output.
fn options() -> SignOptions {
    SignOptions {
        level: Level::BB,
        appearance: Appearance::Invisible,
        signing_time: Some(1_780_272_000), // 2026-06-01T00:00:00Z
        overwrite: true,
        ..SignOptions::default()
    }
}

/// A folder holding the one-page letter the cases sign.
struct Workspace {
    dir: TempDir,
    letter: PathBuf,
}

impl Workspace {
    fn new() -> Workspace {
        let dir = tempfile::tempdir().expect("temporary folder");
        let letter = dir.path().join("surat.pdf");
        let bytes = sample_letter(&LetterSpec::new(1, PageSize::A4Portrait));
        std::fs::write(&letter, bytes).expect("write the letter");
        Workspace { dir, letter }
    }

    fn out(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

fn signer(alg: KeyAlgorithm) -> &'static TestEntity {
    TestPki::get().signer(alg)
}

/// The CMS carries the signer's issuing CA (the root is left out, as `sertel sign` does when
/// the certificate file holds the signer's certificate and the issuing CA).
fn chain(entity: &TestEntity) -> &[sertel_core::x509::Certificate] {
    &entity.chain[..1]
}

fn sign_whole(input: &Path, output: &Path, entity: &TestEntity, opts: &SignOptions) {
    sign_file(
        input,
        output,
        entity.signer.as_ref(),
        &entity.certificate,
        chain(entity),
        opts,
    )
    .expect("sign_file");
}

/// `sign_file` on a one-page letter: parse, write the update, hash, sign, embed, fsync, rename.
fn letter(c: &mut Criterion) {
    let ws = Workspace::new();
    let opts = options();
    let mut group = c.benchmark_group("letter");
    for alg in [KeyAlgorithm::Rsa3072, KeyAlgorithm::EcdsaP256] {
        let entity = signer(alg);
        let out = ws.out(&format!("surat-{alg}-signed.pdf"));
        group.bench_function(format!("sign_file/{alg}"), |b| {
            b.iter(|| sign_whole(&ws.letter, &out, entity, &opts))
        });
    }
    group.finish();
}

/// The stages of signing one letter separately: `prepare` (parse, incremental update, copy and
/// hash into a temporary file, signed attributes), the private-key operation over the signed
/// attributes, and `finish` (CMS assembly, write into the hole, fsync, rename).
fn stages(c: &mut Criterion) {
    let ws = Workspace::new();
    let opts = options();
    let mut group = c.benchmark_group("stages");
    let rsa = signer(KeyAlgorithm::Rsa3072);
    let id = |entity: &'static TestEntity| SignerIdentity {
        certificate: &entity.certificate,
        chain: chain(entity),
        algorithm: entity.signer.algorithm(),
    };
    let out = ws.out("surat-stages-signed.pdf");

    // The prepared signature is dropped (removing its temporary file) outside the timing.
    group.bench_function("prepare/rsa-3072", |b| {
        b.iter_batched(
            || (),
            |()| prepare(&ws.letter, &out, &id(rsa), &opts, None, &|_| {}).expect("prepare"),
            BatchSize::PerIteration,
        )
    });

    for alg in [KeyAlgorithm::Rsa3072, KeyAlgorithm::EcdsaP256] {
        let entity = signer(alg);
        let prepared =
            prepare(&ws.letter, &out, &id(entity), &opts, None, &|_| {}).expect("prepare");
        let to_sign = prepared.bytes_to_sign().expect("signed attributes");
        group.bench_function(format!("sign/{alg}"), |b| {
            b.iter(|| entity.signer.sign(&to_sign).expect("signature"))
        });
    }

    let signature = rsa
        .signer
        .sign(b"any bytes: finish does not check the signature value")
        .expect("signature");
    group.bench_function("finish/rsa-3072", |b| {
        b.iter_batched(
            || prepare(&ws.letter, &out, &id(rsa), &opts, None, &|_| {}).expect("prepare"),
            |prepared| prepared.finish(&signature, None).expect("finish"),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// `sign_file` on a 64 MiB PDF, reported as bytes of input per second.
fn big_pdf(c: &mut Criterion) {
    let ws = Workspace::new();
    let big = ws.out("besar.pdf");
    let len = test_support::bigpdf::write_big_pdf(&big, BIG_PDF_BYTES).expect("write big PDF");
    let out = ws.out("besar-signed.pdf");
    let opts = options();
    let entity = signer(KeyAlgorithm::Rsa3072);
    let mut group = c.benchmark_group("big_pdf");
    group.throughput(Throughput::Bytes(len));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("sign_file/64MiB/rsa-3072", |b| {
        b.iter(|| sign_whole(&big, &out, entity, &opts))
    });
    group.finish();
}

/// Opening the key file: scrypt (N = 2^14, r = 8, p = 4) plus decryption and key parsing. Paid
/// once per `sertel sign` run, whatever the number of files.
fn key_file(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("kunci.pem");
    let passphrase = Passphrase::new("bench: sebuah frasa sandi yang panjang");
    save_key_file(
        &path,
        &signer(KeyAlgorithm::Rsa3072).key,
        &passphrase,
        &SaveOptions::default(),
    )
    .expect("save key file");
    let mut group = c.benchmark_group("key_file");
    group.sample_size(10);
    group.bench_function("load/rsa-3072", |b| {
        b.iter(|| load_key_file(&path, &passphrase).expect("load key file"))
    });
    group.finish();
}

criterion_group!(
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = letter, stages, big_pdf, key_file
);
criterion_main!(benches);
