//! The independent judges: pyHanko, poppler's `pdfsig`, `pdftotext` and `pdfinfo`, qpdf, pkilint
//! and OpenSSL's `ocsp`, run as external programs and their output parsed. Each function returns
//! a parsed verdict plus the raw output, for assertion messages. A judge that is not installed
//! makes the calling test panic with a
//! message to run `scripts/setup.sh`; it never silently passes.

mod nss;
mod nss_chain;
mod openssl_ocsp;
mod pdfsig;
mod pdfsig_report;
mod pdftotext;
mod pkilint;
mod pyhanko;
mod pyhanko_crypt;
mod pyhanko_offline;
mod pyhanko_report;
mod qpdf;
mod render;
pub(crate) mod tool;

pub use nss::NssDb;
pub use nss_chain::{nss_verify_signers, NssChainCheck};
pub use openssl_ocsp::{index_serial, index_text, IndexEntry, OpensslOcsp};
pub use pdfsig::{pdfsig, pdfsig_trusting, pdfsig_with_db, PdfsigReport};
pub use pdfsig_report::{CertificateStatus, PdfsigSignature, SignatureStatus};
pub use pdftotext::{pdfinfo, pdftotext, PdfText};
pub use pkilint::{pkilint_certificate, pkilint_crl, PkilintReport};
pub use pyhanko::{
    pyhanko_signature_fields, pyhanko_validate, pyhanko_validate_at, PyHankoReport, SignatureField,
};
pub use pyhanko_crypt::{pyhanko_decrypt, pyhanko_encrypt, pyhanko_password_encrypt};
pub use pyhanko_offline::{pyhanko_offline, PyHankoOffline};
pub use pyhanko_report::{Coverage, Modifications, PyHankoSignature, TokenReport, Trust};
pub use qpdf::{qpdf_check, QpdfCheck};
pub use render::{pdffonts, qr_codes, render_page};
pub use tool::{pyhanko_program, shared_dir, venv_dir, ToolRun};
