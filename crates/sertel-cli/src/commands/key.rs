//! `sertel key new|info|import|export`.

use sertel_core::key::{
    public_key_fingerprint, save_key_file, KeyAlgorithm, LocalKey, Passphrase, PassphraseOwner,
    PassphrasePolicy, SaveOptions,
};
use sertel_core::signer::Signer;

use crate::args::{Algorithm, KeyExportArgs, KeyImportArgs, KeyInfoArgs, KeyNewArgs};
use crate::exit::{self, CliError};
use crate::keyfile;
use crate::output::Out;
use crate::passphrase;

fn algorithm(a: Algorithm) -> KeyAlgorithm {
    match a {
        Algorithm::Rsa2048 => KeyAlgorithm::Rsa2048,
        Algorithm::Rsa3072 => KeyAlgorithm::Rsa3072,
        Algorithm::Rsa4096 => KeyAlgorithm::Rsa4096,
        Algorithm::P256 => KeyAlgorithm::EcdsaP256,
    }
}

/// SHA-256 of the DER public key, hex: how a person tells two keys apart.
pub fn fingerprint(key: &LocalKey) -> Result<String, CliError> {
    Ok(public_key_fingerprint(&key.public_key_der()?))
}

/// `sertel key new`.
pub fn new(args: &KeyNewArgs, out: &Out) -> Result<u8, CliError> {
    let src = keyfile::source(&args.passphrase);
    let mut secret = passphrase::read_new(
        &src,
        out.t("Frasa sandi baru: ", "New passphrase: "),
        out.t("Ulangi frasa sandi: ", "Repeat the passphrase: "),
    )?;
    let passphrase = Passphrase::new(std::mem::take(&mut *secret));
    let owner = PassphraseOwner {
        full_name: args.name.as_deref().unwrap_or_default(),
        nip: args.nip.as_deref().unwrap_or_default(),
        email: args.email.as_deref().unwrap_or_default(),
    };
    let strength = PassphrasePolicy::default().check(&passphrase, &owner)?;
    if args.out.exists() && !args.force {
        return Err(CliError::failed(
            "key_file_exists",
            format!(
                "{}: berkas kunci sudah ada (gunakan --force untuk menggantinya)",
                args.out.display()
            ),
            format!(
                "{}: the key file already exists (use --force to replace it)",
                args.out.display()
            ),
        ));
    }
    let alg = algorithm(args.algorithm);
    if !out.json && !out.quiet {
        eprintln!(
            "{} {}…",
            out.t("Membuat kunci", "Generating a key"),
            alg.as_str()
        );
    }
    let key = LocalKey::generate(alg)?;
    save_key_file(
        &args.out,
        &key,
        &passphrase,
        &SaveOptions {
            overwrite: args.force,
            ..SaveOptions::default()
        },
    )?;
    let fp = fingerprint(&key)?;
    if out.json {
        out.json(&serde_json::json!({
            "ok": true, "key": args.out, "algorithm": alg.as_str(), "fingerprint_sha256": fp,
            "passphrase_score": strength.score,
        }));
    } else {
        println!(
            "{}: {}",
            out.t("Kunci dibuat", "Key created"),
            args.out.display()
        );
        println!("  {}: {}", out.t("Algoritme", "Algorithm"), alg.as_str());
        println!(
            "  {}: {fp}",
            out.t("Sidik jari SHA-256", "SHA-256 fingerprint")
        );
        println!(
            "  {}: {}/4 ({})",
            out.t("Kekuatan frasa sandi", "Passphrase strength"),
            strength.score,
            strength.crack_time_text(out.lang)
        );
    }
    Ok(exit::OK)
}

/// `sertel key info`.
pub fn info(args: &KeyInfoArgs, out: &Out) -> Result<u8, CliError> {
    let key = keyfile::load_key(&args.key, &args.passphrase, out)?;
    let alg = key.key_algorithm();
    let fp = fingerprint(&key)?;
    let signature = key.algorithm();
    if out.json {
        out.json(&serde_json::json!({
            "ok": true, "key": args.key, "algorithm": alg.as_str(), "bits": alg.bits(),
            "signature_algorithm": signature.oid().to_string(), "fingerprint_sha256": fp,
        }));
    } else {
        println!("{}", args.key.display());
        println!(
            "  {}: {} ({} bit)",
            out.t("Algoritme", "Algorithm"),
            alg.as_str(),
            alg.bits()
        );
        println!(
            "  {}: {fp}",
            out.t("Sidik jari SHA-256", "SHA-256 fingerprint")
        );
        println!(
            "  {}",
            out.t(
                "Frasa sandi benar; kunci dapat dipakai.",
                "Passphrase correct; the key is usable."
            )
        );
    }
    Ok(exit::OK)
}

/// `sertel key import`.
pub fn import(args: &KeyImportArgs, out: &Out) -> Result<u8, CliError> {
    crate::commands::pkcs12::import(args, out)
}

/// `sertel key export`.
pub fn export(args: &KeyExportArgs, out: &Out) -> Result<u8, CliError> {
    crate::commands::pkcs12::export(args, out)
}
