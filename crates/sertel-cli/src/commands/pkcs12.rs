//! PKCS#12 import (a certificate and key issued elsewhere, Pasal 15 ayat 2) and export (backup).

use std::path::Path;

use sertel_core::key::{
    export_pkcs12, import_pkcs12, save_key_file, write_secret_file, Passphrase, PassphraseOwner,
    PassphrasePolicy, Pkcs12ExportOptions, SaveOptions,
};
use sertel_core::x509::certificate_to_pem;

use crate::args::{KeyExportArgs, KeyImportArgs, P12PasswordArgs};
use crate::exit::{self, CliError};
use crate::keyfile;
use crate::output::Out;
use crate::passphrase::{self, Source};

fn p12_source(args: &P12PasswordArgs) -> Source {
    Source {
        fd: args.p12_password_fd,
        env: args.p12_password_env.clone(),
    }
}

fn exists_error(path: &Path) -> CliError {
    CliError::failed(
        "output_exists",
        format!(
            "{}: berkas sudah ada (gunakan --force untuk menggantinya)",
            path.display()
        ),
        format!(
            "{}: the file already exists (use --force to replace it)",
            path.display()
        ),
    )
}

fn io_error(path: &Path, e: std::io::Error) -> CliError {
    CliError::failed(
        "io",
        format!("{}: {e}", path.display()),
        format!("{}: {e}", path.display()),
    )
}

/// `sertel key import`.
pub fn import(args: &KeyImportArgs, out: &Out) -> Result<u8, CliError> {
    for p in [&args.out, &args.cert_out] {
        if p.exists() && !args.force {
            return Err(exists_error(p));
        }
    }
    let data = std::fs::read(&args.p12).map_err(|e| io_error(&args.p12, e))?;
    let p12_src = p12_source(&args.p12_password);
    let prompt = format!(
        "{} {}: ",
        out.t("Kata sandi PKCS#12", "PKCS#12 password for"),
        args.p12.display()
    );
    let mut p12_secret = passphrase::read(&p12_src, &prompt)?;
    let p12_password = Passphrase::new(std::mem::take(&mut *p12_secret));
    let bundle = import_pkcs12(&data, &p12_password)?;

    let mut secret = passphrase::read_new(
        &keyfile::source(&args.passphrase),
        out.t(
            "Frasa sandi baru untuk berkas kunci: ",
            "New passphrase for the key file: ",
        ),
        out.t("Ulangi frasa sandi: ", "Repeat the passphrase: "),
    )?;
    let new_passphrase = Passphrase::new(std::mem::take(&mut *secret));
    let owner = PassphraseOwner {
        full_name: "",
        nip: "",
        email: "",
    };
    PassphrasePolicy::default().check(&new_passphrase, &owner)?;

    let mut pem = certificate_to_pem(&bundle.certificate)?;
    for c in &bundle.chain {
        pem.push_str(&certificate_to_pem(c)?);
    }
    save_key_file(
        &args.out,
        &bundle.key,
        &new_passphrase,
        &SaveOptions {
            overwrite: args.force,
            ..SaveOptions::default()
        },
    )?;
    if let Err(e) = std::fs::write(&args.cert_out, pem.as_bytes()) {
        // Keep the pair together: without its certificate the new key file is of no use here.
        let _ = std::fs::remove_file(&args.out);
        return Err(io_error(&args.cert_out, e));
    }
    let subject = bundle.certificate.tbs_certificate.subject.to_string();
    if out.json {
        out.json(&serde_json::json!({
            "ok": true, "key": args.out, "certificates": args.cert_out, "subject": subject,
            "chain_length": bundle.chain.len(), "algorithm": bundle.key.key_algorithm().as_str(),
        }));
    } else {
        println!(
            "{}: {}",
            out.t("Kunci diimpor ke", "Key imported to"),
            args.out.display()
        );
        println!(
            "{}: {}",
            out.t("Sertifikat dan rantainya", "Certificate and chain"),
            args.cert_out.display()
        );
        println!("  {}: {subject}", out.t("Subjek", "Subject"));
    }
    Ok(exit::OK)
}

/// `sertel key export`.
pub fn export(args: &KeyExportArgs, out: &Out) -> Result<u8, CliError> {
    if args.out.exists() && !args.force {
        return Err(exists_error(&args.out));
    }
    let certs = keyfile::load_certificates(&args.cert)?;
    let key = keyfile::load_key(&args.key, &args.passphrase, out)?;
    let p12_src = p12_source(&args.p12_password);
    let mut p12_secret = passphrase::read_new(
        &p12_src,
        out.t(
            "Kata sandi untuk berkas PKCS#12: ",
            "Password for the PKCS#12 file: ",
        ),
        out.t("Ulangi kata sandi: ", "Repeat the password: "),
    )?;
    let p12_password = Passphrase::new(std::mem::take(&mut *p12_secret));
    PassphrasePolicy::default().check(
        &p12_password,
        &PassphraseOwner {
            full_name: "",
            nip: "",
            email: "",
        },
    )?;
    let (certificate, chain) = certs.split_first().ok_or_else(|| {
        CliError::usage(
            "Berkas sertifikat kosong",
            "the certificate file holds no certificate",
        )
    })?;
    let der = export_pkcs12(
        &key,
        certificate,
        chain,
        &p12_password,
        &Pkcs12ExportOptions::default(),
    )?;
    write_secret_file(&args.out, &der, args.force)?;
    if out.json {
        out.json(
            &serde_json::json!({ "ok": true, "pkcs12": args.out, "certificates": certs.len() }),
        );
    } else {
        println!(
            "{}: {}",
            out.t("Cadangan PKCS#12 ditulis", "PKCS#12 backup written"),
            args.out.display()
        );
    }
    Ok(exit::OK)
}
