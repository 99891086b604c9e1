//! Document protection (Pasal 12 huruf b): encrypting a PDF for the certificates of its
//! recipients, so that only the holders of their private keys can open it, and opening such
//! a PDF with the owner's key.
//!
//! The format is the PDF public-key security handler (ISO 32000-2 §7.6.5): `/Filter
//! /Adobe.PubSec`, `/SubFilter /adbe.pkcs7.s5`, `/V 5`, one crypt filter
//! `/DefaultCryptFilter` with `/CFM /AESV3` for strings and streams. Its `/Recipients` holds
//! one CMS `EnvelopedData` for all recipients ([`envelope`]), whose content is a random
//! 20-byte seed and 4 permission bytes; the file key is SHA-256 over the seed and the
//! recipient blobs ([`kdf`]). Every string and stream is encrypted with AES-256-CBC under a
//! random IV ([`object_crypt`]), and the whole file is rewritten ([`writer`]).
//!
//! Private-key and symmetric operations run in aws-lc-rs.
//!
//! ```no_run
//! use sertel_core::protect::{protect, unprotect, ProtectOptions};
//! # fn demo(pdf: Vec<u8>, cert: x509_cert::Certificate, key: sertel_core::key::LocalKey)
//! #     -> Result<(), sertel_core::protect::ProtectError> {
//! let sealed = protect(pdf, &[cert.clone()], &ProtectOptions::default())?;
//! let plain = unprotect(sealed, &key, Some(&cert))?;
//! # let _ = plain; Ok(()) }
//! ```

mod envelope;
mod error;
mod kdf;
mod object_crypt;
mod recipient;
mod writer;

pub use error::ProtectError;
pub use recipient::Recipient;
pub use sertel_pdf::XrefStyle;

use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use sertel_pdf::{Dict, Document, FileWriter, Limits, ObjRef, Object, PdfError, PdfString};
use x509_cert::Certificate;
use zeroize::Zeroizing;

use envelope::{Opened, OpeningKey};
use object_crypt::ObjectEncryptor;

use crate::key::LocalKey;

/// Permission bits granted to recipients (ISO 32000-2 Table 24, public-key form): all.
pub const ALL_PERMISSIONS: u32 = 0xFFFF_FFFF;

/// How [`protect`] encrypts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtectOptions {
    /// The new file's cross-reference section: a classic table (default) or a stream.
    pub xref: XrefStyle,
    /// Whether metadata streams (`/Type /Metadata`) are encrypted too (default `true`).
    pub encrypt_metadata: bool,
    /// Encrypt for certificates whose keyUsage does not allow it (keyEncipherment for RSA,
    /// keyAgreement for EC). Default `false`.
    pub ignore_key_usage: bool,
    /// The 4 permission bytes sealed with the seed (default [`ALL_PERMISSIONS`]).
    pub permissions: u32,
}

impl Default for ProtectOptions {
    fn default() -> Self {
        ProtectOptions {
            xref: XrefStyle::Table,
            encrypt_metadata: true,
            ignore_key_usage: false,
            permissions: ALL_PERMISSIONS,
        }
    }
}

/// Encrypts `pdf` so that only the holders of the private keys of `recipients` can open it.
///
/// The result is a new file (PDF 2.0 header) with the objects of `pdf`'s newest revision,
/// every string and stream encrypted. Signatures in `pdf` do not survive: the rewritten
/// bytes no longer match their byte ranges.
///
/// Errors: [`ProtectError::NoRecipients`], [`ProtectError::AlreadyEncrypted`], the
/// certificate checks of [`Recipient::from_certificate`], and [`ProtectError::Pdf`] for a PDF
/// that cannot be read.
pub fn protect(
    pdf: Vec<u8>,
    recipients: &[Certificate],
    options: &ProtectOptions,
) -> Result<Vec<u8>, ProtectError> {
    if recipients.is_empty() {
        return Err(ProtectError::NoRecipients);
    }
    let recipients = recipients
        .iter()
        .map(|c| Recipient::from_certificate(c, options.ignore_key_usage))
        .collect::<Result<Vec<_>, _>>()?;
    let doc = Document::open(pdf, Limits::default())?;
    if doc.is_encrypted() {
        return Err(ProtectError::AlreadyEncrypted);
    }

    let mut content = Zeroizing::new(vec![0u8; 24]);
    SystemRandom::new()
        .fill(&mut content[..20])
        .map_err(|_| ProtectError::Crypto("random source"))?;
    content[20..].copy_from_slice(&options.permissions.to_be_bytes());
    let blob = envelope::seal(&recipients, &content)?;
    let blobs = vec![blob];
    let key = kdf::file_key(&content[..20], &blobs, options.encrypt_metadata);
    let enc = ObjectEncryptor::new(&key)?;

    let mut out = FileWriter::new((2, 0));
    writer::copy_objects(&doc, None, &mut out, |_, mut obj| {
        enc.encrypt_strings(&mut obj)?;
        if let Object::Stream(s) = &mut obj {
            let metadata_clear = !options.encrypt_metadata && s.dict.has_name(b"Type", b"Metadata");
            if !metadata_clear {
                if let sertel_pdf::StreamData::InMemory(data) = &mut s.data {
                    *data = enc.encrypt(data)?;
                }
            }
        }
        Ok(obj)
    })?;
    let encrypt_ref = ObjRef::new(
        out.max_object_number()
            .max(doc.next_object_number().saturating_sub(1))
            .checked_add(1)
            .ok_or(PdfError::Invalid("object numbers exhausted"))?,
        0,
    );
    out.put(
        encrypt_ref,
        Object::Dictionary(encrypt_dict(&blobs, options.encrypt_metadata)),
    );
    let mut trailer = writer::trailer(&doc)?;
    trailer.set(b"Encrypt", Object::Reference(encrypt_ref));
    writer::finish(out, trailer, options.xref)
}

/// The encryption dictionary, in the form pyHanko and Adobe Acrobat write.
fn encrypt_dict(blobs: &[Vec<u8>], encrypt_metadata: bool) -> Dict {
    let recipients = blobs
        .iter()
        .map(|b| Object::String(PdfString::hex(b.clone())))
        .collect();
    let mut cf = Dict::new();
    cf.set(b"Type", Object::name(b"CryptFilter"));
    cf.set(b"CFM", Object::name(b"AESV3"));
    cf.set(b"AuthEvent", Object::name(b"DocOpen"));
    cf.set(b"Length", Object::Integer(256));
    cf.set(b"Recipients", Object::Array(recipients));
    cf.set(b"EncryptMetadata", Object::Boolean(encrypt_metadata));
    let mut cfs = Dict::new();
    cfs.set(b"DefaultCryptFilter", Object::Dictionary(cf));
    let mut d = Dict::new();
    d.set(b"Filter", Object::name(b"Adobe.PubSec"));
    d.set(b"SubFilter", Object::name(b"adbe.pkcs7.s5"));
    d.set(b"V", Object::Integer(5));
    d.set(b"Length", Object::Integer(256));
    d.set(b"EncryptMetadata", Object::Boolean(encrypt_metadata));
    d.set(b"CF", Object::Dictionary(cfs));
    d.set(b"StmF", Object::name(b"DefaultCryptFilter"));
    d.set(b"StrF", Object::name(b"DefaultCryptFilter"));
    d
}

/// Decrypts a PDF encrypted for the owner of `key` into a plain PDF.
///
/// With `certificate` (the key's certificate), only recipient entries naming its issuer and
/// serial number are tried; without it, every entry of the key's type is.
///
/// Errors: [`ProtectError::NotEncrypted`]; [`ProtectError::UnsupportedEncryption`] for
/// password encryption, other handlers and algorithms; [`ProtectError::NotARecipient`] when
/// the key opens no envelope; [`ProtectError::MalformedRecipients`] for damaged recipient
/// data; [`ProtectError::Pdf`] when the PDF or its encrypted content is damaged.
pub fn unprotect(
    pdf: Vec<u8>,
    key: &LocalKey,
    certificate: Option<&Certificate>,
) -> Result<Vec<u8>, ProtectError> {
    let mut doc = Document::open(pdf, Limits::default())?;
    let enc = doc.encryption()?.ok_or(ProtectError::NotEncrypted)?;
    match enc.filter().map(|n| n.as_bytes()) {
        Some(b"Adobe.PubSec") => {}
        Some(b"Standard") => {
            return Err(ProtectError::UnsupportedEncryption(
                "password encryption (/Standard)".into(),
            ))
        }
        Some(other) => {
            return Err(ProtectError::UnsupportedEncryption(format!(
                "security handler /{}",
                other.escape_ascii()
            )))
        }
        None => {
            return Err(ProtectError::UnsupportedEncryption(
                "encryption dictionary without /Filter".into(),
            ))
        }
    }
    if enc.version() != Some(5) {
        return Err(ProtectError::UnsupportedEncryption(format!(
            "algorithm version /V {} (only /V 5, AES-256, is supported)",
            enc.version().map_or("-".into(), |v| v.to_string())
        )));
    }
    let blobs: Vec<Vec<u8>> = match enc
        .default_crypt_filter()
        .and_then(|cf| cf.get(b"Recipients"))
    {
        Some(Object::Array(items)) => items
            .iter()
            .map(|o| o.as_string().map(|s| s.bytes.clone()))
            .collect::<Option<Vec<_>>>()
            .ok_or(ProtectError::MalformedRecipients(
                "/Recipients holds a non-string",
            ))?,
        Some(Object::String(s)) => vec![s.bytes.clone()],
        _ => {
            return Err(ProtectError::MalformedRecipients(
                "no /Recipients in the default crypt filter",
            ))
        }
    };
    let opening = OpeningKey::from_local(key)?;
    let id = certificate.map(recipient::issuer_and_serial);
    let mut seed = None;
    let mut unsupported = None;
    for blob in &blobs {
        match envelope::open(blob, &opening, id.as_ref())? {
            Opened::Content(c) => {
                seed = Some(c);
                break;
            }
            Opened::NotForUs => {}
            Opened::Unsupported(what) => unsupported = Some(what),
        }
    }
    let Some(content) = seed else {
        return Err(match unsupported {
            Some(what) => ProtectError::UnsupportedEncryption(what),
            None => ProtectError::NotARecipient,
        });
    };
    let file_key = kdf::file_key(&content[..20], &blobs, enc.encrypt_metadata());
    doc.set_file_key(file_key)?;

    let (major, minor) = doc.version();
    let mut out = FileWriter::new((major, minor));
    writer::copy_objects(&doc, enc.reference(), &mut out, |_, obj| Ok(obj))?;
    let trailer = writer::trailer(&doc)?;
    writer::finish(out, trailer, XrefStyle::Table)
}
