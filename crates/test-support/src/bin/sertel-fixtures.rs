//! Writes test fixtures to disk for benchmarks and manual checks:
//!
//! ```text
//! sertel-fixtures letters DIR COUNT [PAGES]   COUNT one-page (or PAGES-page) A4 letters
//! sertel-fixtures corpus DIR                  the varied letter corpus (sizes, pages, rotation)
//! sertel-fixtures big-pdf FILE BYTES          a valid one-page PDF of about BYTES bytes
//! sertel-fixtures pki DIR                     the test PKI as PEM files (test keys unencrypted,
//!                                             the two CA keys included)
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use test_support::letters::{named_corpus, sample_letter, LetterSpec, PageSize};

fn usage() -> ExitCode {
    eprintln!("usage: sertel-fixtures letters DIR COUNT [PAGES] | corpus DIR | big-pdf FILE BYTES | pki DIR");
    ExitCode::from(3)
}

fn run(args: &[String]) -> std::io::Result<bool> {
    match args {
        [cmd, dir, count, rest @ ..] if cmd == "letters" && rest.len() <= 1 => {
            let Ok(count) = count.parse::<usize>() else {
                return Ok(false);
            };
            let pages = rest.first().and_then(|p| p.parse().ok()).unwrap_or(1);
            let dir = PathBuf::from(dir);
            std::fs::create_dir_all(&dir)?;
            for i in 1..=count {
                let mut spec = LetterSpec::new(pages, PageSize::A4Portrait);
                spec.number = format!("800/{i:03}/Diskominfo/2026");
                std::fs::write(dir.join(format!("surat-{i:03}.pdf")), sample_letter(&spec))?;
            }
            Ok(true)
        }
        [cmd, dir] if cmd == "corpus" => {
            std::fs::create_dir_all(dir)?;
            for p in named_corpus(dir.as_ref()) {
                println!("{}", p.display());
            }
            Ok(true)
        }
        [cmd, file, bytes] if cmd == "big-pdf" => {
            let Ok(bytes) = bytes.parse::<u64>() else {
                return Ok(false);
            };
            let written = test_support::bigpdf::write_big_pdf(file.as_ref(), bytes)?;
            println!("{written}");
            Ok(true)
        }
        [cmd, dir] if cmd == "pki" => {
            std::fs::create_dir_all(dir)?;
            let pki = test_support::pki::TestPki::get();
            pki.write_pem_files(dir.as_ref())?;
            pki.write_ca_key_files(dir.as_ref())?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => usage(),
        Err(e) => {
            eprintln!("sertel-fixtures: {e}");
            ExitCode::from(4)
        }
    }
}
