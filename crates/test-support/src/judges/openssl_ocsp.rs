//! OpenSSL's `ocsp` command as an independent judge: it prints requests Sertel made, answers
//! them as an offline responder from an `index.txt` (no network), verifies responses Sertel's
//! responder made, and asks Sertel's responder over HTTP.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use time::OffsetDateTime;

use super::tool::{run_in, ToolRun};

/// One line of an OpenSSL CA database (`index.txt`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexEntry {
    /// The serial number's content octets (as encoded in the certificate).
    pub serial: Vec<u8>,
    /// The subject, in OpenSSL's `/C=ID/O=.../CN=...` form (only informative here).
    pub subject: String,
    /// When and why it was revoked (`keyCompromise`, `certificateHold`, ...), if it was.
    pub revoked: Option<(OffsetDateTime, Option<&'static str>)>,
}

/// The serial as `index.txt` writes it: upper-case hex without a leading zero octet.
pub fn index_serial(serial: &[u8]) -> String {
    let start = serial
        .iter()
        .position(|b| *b != 0)
        .unwrap_or(serial.len().saturating_sub(1));
    serial[start..].iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02X}");
        s
    })
}

fn utc_time(t: OffsetDateTime) -> String {
    format!(
        "{:02}{:02}{:02}{:02}{:02}{:02}Z",
        t.year() % 100,
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// The text of an `index.txt` holding `entries` (all expiring in 2049).
pub fn index_text(entries: &[IndexEntry]) -> String {
    let mut text = String::new();
    for e in entries {
        let (flag, revoked) = match &e.revoked {
            None => ("V", String::new()),
            Some((at, None)) => ("R", utc_time(*at)),
            Some((at, Some(reason))) => ("R", format!("{},{reason}", utc_time(*at))),
        };
        let _ = writeln!(
            text,
            "{flag}\t491231235959Z\t{revoked}\t{}\tunknown\t{}",
            index_serial(&e.serial),
            e.subject
        );
    }
    text
}

/// A working folder for OpenSSL runs.
pub struct OpensslOcsp {
    dir: tempfile::TempDir,
}

impl Default for OpensslOcsp {
    fn default() -> Self {
        OpensslOcsp::new()
    }
}

impl OpensslOcsp {
    /// A fresh working folder.
    pub fn new() -> OpensslOcsp {
        OpensslOcsp {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    /// The folder (write PEM files into it).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// A path in the folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, bytes).expect("write");
        path
    }

    /// Runs `openssl ocsp` with `args` in the folder.
    pub fn run<S: AsRef<std::ffi::OsStr>>(&self, args: &[S]) -> ToolRun {
        let mut all: Vec<&std::ffi::OsStr> = vec!["ocsp".as_ref()];
        all.extend(args.iter().map(AsRef::as_ref));
        run_in("openssl", all, Some(self.dir()))
    }

    /// `openssl ocsp -reqin <request> -req_text`.
    pub fn request_text(&self, request: &[u8]) -> ToolRun {
        self.write("request.der", request);
        self.run(&["-reqin", "request.der", "-req_text"])
    }

    /// Answers `request` as an offline responder: `-index` from `entries`, `-CA ca`, signed
    /// with `-rsigner signer -rkey key` (files in the folder), plus `extra` (such as
    /// `-ndays 1`; without it OpenSSL writes no nextUpdate).
    /// Returns the DER response (empty if OpenSSL wrote none) and the run.
    pub fn respond(
        &self,
        entries: &[IndexEntry],
        ca: &str,
        signer: &str,
        key: &str,
        request: &[u8],
        extra: &[&str],
    ) -> (Vec<u8>, ToolRun) {
        self.write("index.txt", index_text(entries).as_bytes());
        self.write("request.der", request);
        let _ = std::fs::remove_file(self.path("response.der"));
        let mut args = vec![
            "-index",
            "index.txt",
            "-CA",
            ca,
            "-rsigner",
            signer,
            "-rkey",
            key,
            "-reqin",
            "request.der",
            "-respout",
            "response.der",
        ];
        args.extend_from_slice(extra);
        let run = self.run(&args);
        (
            std::fs::read(self.path("response.der")).unwrap_or_default(),
            run,
        )
    }

    /// `openssl ocsp -respin <response> -reqin <request> -issuer issuer -CAfile cafile
    /// -resp_text` plus `extra` (such as `-verify_other`).
    pub fn verify(
        &self,
        response: &[u8],
        request: &[u8],
        issuer: &str,
        cafile: &str,
        extra: &[&str],
    ) -> ToolRun {
        self.write("check-response.der", response);
        self.write("check-request.der", request);
        let mut args = vec![
            "-respin",
            "check-response.der",
            "-reqin",
            "check-request.der",
            "-issuer",
            issuer,
            "-CAfile",
            cafile,
            "-resp_text",
        ];
        args.extend_from_slice(extra);
        self.run(&args)
    }
}
