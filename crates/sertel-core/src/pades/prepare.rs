//! Stage one and three of signing: the incremental update with its placeholders, the digest of
//! the signed byte ranges, and — once the signature is known — the CMS put into the hole.

use std::path::{Path, PathBuf};

use der::asn1::SetOfVec;
use sertel_pdf::{Dict, IncrementalUpdate, Name, Object, PdfString};
use x509_cert::attr::Attribute;
use x509_cert::Certificate;

use super::copy::Progress;
use super::error::SignError;
use super::fields::{add_signature_field, certified_without_changes, choose_name, NewField};
use super::options::{Level, SignOptions};
use super::placeholder;
use super::slot::{open_input, write_slot, Slot, SlotSource};
use super::text::pdf_date;
use crate::certinfo::{common_name, max_signature_len};
use crate::cms::attributes::{attribute, bytes_to_sign, SignedAttributesBuilder};
use crate::cms::oids::{ID_AA_SIGNATURE_TIME_STAMP_TOKEN, ID_DATA};
use crate::cms::signed_data::SignedDataParts;
use crate::signer::SignatureAlgorithm;

/// Room reserved for an RFC 3161 token (token, TSA certificate and its chain) in B-T.
pub const TIMESTAMP_RESERVE: usize = 12 * 1024;

/// The signer's certificate and chain as they go into the CMS.
#[derive(Clone, Debug)]
pub struct SignerIdentity<'a> {
    /// The signer's certificate.
    pub certificate: &'a Certificate,
    /// The issuing chain (intermediates; the root may be left out).
    pub chain: &'a [Certificate],
    /// The signature scheme the key uses.
    pub algorithm: SignatureAlgorithm,
}

/// A PDF with its signature slot written, waiting for the signature value.
#[derive(Debug)]
pub struct PreparedSignature {
    slot: Slot,
    output: PathBuf,
    overwrite: bool,
    attributes: SetOfVec<Attribute>,
    certificate: Certificate,
    chain: Vec<Certificate>,
    algorithm: SignatureAlgorithm,
    document_id: Option<String>,
    verify_url: Option<String>,
}

/// The result of signing one file.
#[derive(Clone, Debug, serde::Serialize)]
pub struct SignedFile {
    /// Where the signed PDF was written.
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: u64,
    /// The `/ByteRange` of the new signature.
    pub byte_range: [u64; 4],
    /// SHA-256 of the signed byte ranges, hex.
    pub digest: String,
    /// Bytes of CMS written into a hole of `capacity` bytes.
    pub cms_len: usize,
    /// The specimen's document id (in its QR code and the signature dictionary's
    /// `/SertelDocumentId`), for registering the letter with the verification server.
    pub document_id: Option<String>,
    /// The verification URL in the specimen's QR code.
    pub verify_url: Option<String>,
}

/// The key under which the signature dictionary records the specimen's document id.
pub const DOCUMENT_ID_KEY: &[u8] = b"SertelDocumentId";

fn signature_dictionary(
    opts: &SignOptions,
    signer_name: &str,
    time: i64,
    capacity: usize,
    document_id: Option<&str>,
) -> Dict {
    let text = |s: &str| {
        Object::String(PdfString {
            bytes: s.as_bytes().to_vec(),
            hex: false,
        })
    };
    let mut d = Dict::default();
    d.set(b"Type", Object::Name(Name::from("Sig")));
    d.set(b"Filter", Object::Name(Name::from("Adobe.PPKLite")));
    d.set(
        b"SubFilter",
        Object::Name(Name::from(opts.sub_filter.pdf_name())),
    );
    d.set(b"ByteRange", placeholder::byte_range_object());
    d.set(b"Contents", placeholder::contents_object(capacity));
    d.set(b"M", text(&pdf_date(time)));
    d.set(
        b"Name",
        Object::String(super::text::text_string(signer_name)),
    );
    for (key, value) in [
        (&b"Reason"[..], &opts.reason),
        (b"Location", &opts.location),
        (b"ContactInfo", &opts.contact_info),
    ] {
        if let Some(v) = value {
            d.set(key, Object::String(super::text::text_string(v)));
        }
    }
    if let Some(id) = document_id {
        d.set(DOCUMENT_ID_KEY, text(id));
    }
    let mut app = Dict::default();
    app.set(b"Name", Object::Name(Name::from("Sertel")));
    app.set(b"REx", text(crate::VERSION));
    let mut build = Dict::default();
    build.set(b"App", Object::Dictionary(app));
    d.set(b"Prop_Build", Object::Dictionary(build));
    if let Some(refs) = super::permissions::references(opts.certification, opts.lock.as_ref()) {
        d.set(b"Reference", refs);
    }
    d
}

/// The CMS size for this signer, measured by assembling it with a dummy signature.
fn cms_capacity(id: &SignerIdentity<'_>, level: &Level) -> Result<usize, SignError> {
    let attrs = SignedAttributesBuilder::new(ID_DATA, &[0u8; 32], id.certificate)?.build()?;
    let dummy = vec![0xffu8; max_signature_len(id.certificate)];
    let len = SignedDataParts {
        content_type: ID_DATA,
        content: None,
        signer_certificate: id.certificate,
        chain: id.chain,
        algorithm: id.algorithm,
        signed_attributes: attrs,
        signature: &dummy,
        unsigned_attributes: Vec::new(),
    }
    .assemble()?
    .len();
    let extra = if matches!(level, Level::BT { .. }) {
        TIMESTAMP_RESERVE
    } else {
        0
    };
    Ok((len + extra + 64).next_multiple_of(256))
}

/// Stage one: writes `input` plus a signature slot to a temporary file beside `output` and
/// computes what must be signed. `capacity` overrides the reserved CMS size; `progress` hears
/// how many bytes of the input have been hashed (of [`input_len`]).
pub fn prepare(
    input: &Path,
    output: &Path,
    id: &SignerIdentity<'_>,
    opts: &SignOptions,
    capacity: Option<usize>,
    progress: Progress<'_>,
) -> Result<PreparedSignature, SignError> {
    let (file, doc) = open_input(input, output, opts.overwrite)?;
    let pdf_err = |source| SignError::Pdf {
        path: input.into(),
        source,
    };
    if certified_without_changes(&doc).map_err(pdf_err)? {
        return Err(SignError::CertifiedNoChanges { path: input.into() });
    }
    if opts.certification.is_some()
        && !crate::verify::fields::signature_fields(&doc)
            .map_err(pdf_err)?
            .is_empty()
    {
        return Err(SignError::CertificationNotFirst { path: input.into() });
    }
    let orig_len = doc.len();
    let capacity = match capacity {
        Some(c) => c,
        None => cms_capacity(id, &opts.level)?,
    };
    let time = opts
        .signing_time
        .unwrap_or_else(|| time::OffsetDateTime::now_utc().unix_timestamp());
    let signer_name = common_name(id.certificate).unwrap_or_default();

    let mut upd = IncrementalUpdate::new(&doc).map_err(pdf_err)?;
    let sig_ref = upd.allocate();
    let ap_ref = upd.allocate();
    let pages = doc.pages().map_err(pdf_err)?;
    let may_rewrite = crate::verify::fields::signature_fields(&doc)
        .map_err(pdf_err)?
        .is_empty();
    let unsigned = match &opts.field_name {
        Some(name) => super::fill::find_unsigned(&doc, &pages, name).map_err(pdf_err)?,
        None => None,
    };
    let appearance = match &unsigned {
        Some(field) => super::fill::appearance_in(&opts.appearance, field),
        None => opts.appearance.clone(),
    };
    let placed = super::placement::place(
        &doc,
        &pages,
        &mut upd,
        &appearance,
        &signer_name,
        time,
        id.certificate,
        may_rewrite,
    )
    .map_err(|e| match e {
        SignError::Pdf { source, .. } => pdf_err(source),
        other => other,
    })?;
    let (page_index, rect) = (placed.page_index, placed.rect);
    let page = *pages.get(page_index).ok_or_else(|| {
        pdf_err(sertel_pdf::PdfError::Unsupported(
            "a document without pages".into(),
        ))
    })?;
    upd.put(
        sig_ref,
        Object::Dictionary(signature_dictionary(
            opts,
            &signer_name,
            time,
            capacity,
            placed.document_id.as_deref(),
        )),
    );
    upd.put(ap_ref, placed.form);
    let name = match &unsigned {
        Some(field) => {
            super::fill::fill(&doc, &mut upd, field.widget, sig_ref, ap_ref).map_err(pdf_err)?;
            opts.field_name.clone().unwrap_or_default()
        }
        None => {
            let name = choose_name(&doc, opts.field_name.as_deref())?;
            add_signature_field(
                &doc,
                &mut upd,
                &NewField {
                    name: &name,
                    page,
                    rect,
                    value: Some(sig_ref),
                    appearance: Some(ap_ref),
                    lock: opts.lock.as_ref(),
                },
            )
            .map_err(pdf_err)?;
            name
        }
    };
    super::fill::add_empty_fields(&doc, &pages, &mut upd, &opts.empty_fields, &name)?;
    if let Some(content) = &placed.content {
        super::specimen::replace_content(&doc, &mut upd, page, content)?;
    }
    if opts.certification.is_some() {
        // The catalog names the certification signature in /Perms (after the field was
        // added, which may have put a new catalog already).
        let (catalog_ref, catalog) = doc.catalog().map_err(pdf_err)?;
        let mut catalog = match upd.get(catalog_ref.num) {
            Some(Object::Dictionary(d)) => d.clone(),
            _ => catalog,
        };
        catalog.set(
            b"Perms",
            Object::Dictionary(Dict::from_pairs([("DocMDP", Object::Reference(sig_ref))])),
        );
        upd.put(catalog_ref, Object::Dictionary(catalog));
    }
    let written = upd.finish().map_err(pdf_err)?;
    let source = SlotSource {
        file: &file,
        path: input,
        len: orig_len,
    };
    let slot = write_slot(&source, written, sig_ref, capacity, output, progress)?;
    let attributes =
        SignedAttributesBuilder::new(ID_DATA, slot.digest(), id.certificate)?.build()?;
    Ok(PreparedSignature {
        slot,
        output: output.to_path_buf(),
        overwrite: opts.overwrite,
        attributes,
        certificate: id.certificate.clone(),
        chain: id.chain.to_vec(),
        algorithm: id.algorithm,
        document_id: placed.document_id,
        verify_url: placed.verify_url,
    })
}

/// The size of the file that [`prepare`] reports progress against.
pub fn input_len(input: &Path) -> Result<u64, SignError> {
    Ok(std::fs::metadata(input)
        .map_err(SignError::io(input))?
        .len())
}

impl PreparedSignature {
    /// The bytes the key must sign: the DER of the signed attributes.
    pub fn bytes_to_sign(&self) -> Result<Vec<u8>, SignError> {
        Ok(bytes_to_sign(&self.attributes)?)
    }

    /// SHA-256 of the signed byte ranges (the CMS message digest).
    pub fn document_digest(&self) -> &[u8] {
        self.slot.digest()
    }

    /// The `/ByteRange` the signature covers.
    pub fn byte_range(&self) -> [u64; 4] {
        self.slot.byte_range()
    }

    /// Stage three: puts the CMS with `signature` (and a timestamp token, for B-T) into the
    /// slot and moves the file to its final name.
    pub fn finish(
        self,
        signature: &[u8],
        timestamp_token: Option<&[u8]>,
    ) -> Result<SignedFile, SignError> {
        let mut unsigned = Vec::new();
        if let Some(token) = timestamp_token {
            let value = crate::cms::attributes::any_from_der(token)?;
            unsigned.push(attribute(ID_AA_SIGNATURE_TIME_STAMP_TOKEN, value)?);
        }
        let cms = SignedDataParts {
            content_type: ID_DATA,
            content: None,
            signer_certificate: &self.certificate,
            chain: &self.chain,
            algorithm: self.algorithm,
            signed_attributes: self.attributes,
            signature,
            unsigned_attributes: unsigned,
        }
        .assemble()?;
        let byte_range = self.slot.byte_range();
        let digest = hex::encode(self.slot.digest());
        let size = self.slot.fill(&cms, &self.output, self.overwrite)?;
        Ok(SignedFile {
            path: self.output,
            size,
            byte_range,
            digest,
            cms_len: cms.len(),
            document_id: self.document_id,
            verify_url: self.verify_url,
        })
    }
}
