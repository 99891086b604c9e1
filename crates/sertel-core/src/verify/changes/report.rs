//! What the comparison of revisions found.

use serde::Serialize;

use crate::i18n::{Lang, Localized};

/// A change after signing that the signature permits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Permitted {
    /// A further signature (field, widget, appearance) was added.
    Signature,
    /// A document timestamp was added.
    DocumentTimestamp,
    /// Validation data (the DSS: certificates, CRLs, OCSP responses) was added or updated.
    ValidationData,
    /// The document information dictionary or XMP metadata changed (not shown on pages).
    Metadata,
    /// A form field was filled in (its value, and its widgets' new appearances).
    FormFilled(String),
    /// A comment was added, changed or removed as a certification of level 3 permits.
    Annotation(String),
}

/// A change after signing that the signature does not permit: it makes the signature fail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Violation {
    /// An object of the signed revision was redefined in a way no signing operation does.
    ObjectChanged(String),
    /// A page's content, resources or other entries changed.
    PageChanged(String),
    /// An annotation other than a new signature widget was added to a page.
    AnnotationAdded(String),
    /// A form field other than a new signature field was added or filled.
    FormChanged(String),
    /// The document catalog was replaced or changed beyond signing entries.
    CatalogChanged(String),
    /// The revision chain was altered: a later section does not continue the signed one.
    RevisionChainBroken,
    /// A change that the document's certification level (DocMDP) forbids.
    CertificationViolated(String),
    /// Bytes after the last revision that are not a revision.
    TrailingData,
    /// An object the signed revision referred to but did not define was defined later (a
    /// hidden object: what the signer saw as empty now shows something).
    HiddenObjectDefined(String),
    /// A form field that the signature locked (FieldMDP) was changed.
    LockedFieldChanged(String),
    /// An annotation present when signing was changed or removed.
    AnnotationChanged(String),
    /// A new appearance reuses or rewrites an object of the signed revision instead of
    /// bringing its own.
    AppearanceShadowed(String),
}

impl Localized for Violation {
    fn kind(&self) -> &'static str {
        match self {
            Violation::ObjectChanged(_) => "object_changed",
            Violation::PageChanged(_) => "page_changed",
            Violation::AnnotationAdded(_) => "annotation_added",
            Violation::FormChanged(_) => "form_changed",
            Violation::CatalogChanged(_) => "catalog_changed",
            Violation::RevisionChainBroken => "revision_chain_broken",
            Violation::CertificationViolated(_) => "certification_violated",
            Violation::TrailingData => "trailing_data",
            Violation::HiddenObjectDefined(_) => "hidden_object_defined",
            Violation::LockedFieldChanged(_) => "locked_field_changed",
            Violation::AnnotationChanged(_) => "annotation_changed",
            Violation::AppearanceShadowed(_) => "appearance_shadowed",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use Violation::*;
        let (id, en) = match self {
            ObjectChanged(d) => (
                format!("Objek {d} diubah setelah ditandatangani"),
                format!("Object {d} was changed after signing"),
            ),
            PageChanged(d) => (
                format!("Halaman diubah setelah ditandatangani ({d})"),
                format!("A page was changed after signing ({d})"),
            ),
            AnnotationAdded(d) => (
                format!("Anotasi ditambahkan setelah ditandatangani ({d})"),
                format!("An annotation was added after signing ({d})"),
            ),
            FormChanged(d) => (
                format!("Formulir diubah setelah ditandatangani ({d})"),
                format!("The form was changed after signing ({d})"),
            ),
            CatalogChanged(d) => (
                format!("Katalog dokumen diubah ({d})"),
                format!("The document catalog was changed ({d})"),
            ),
            RevisionChainBroken => (
                "Rantai revisi dokumen dipalsukan".into(),
                "The document's revision chain was tampered with".into(),
            ),
            CertificationViolated(d) => (
                format!("Perubahan dilarang oleh tingkat sertifikasi dokumen ({d})"),
                format!("A change the document's certification forbids ({d})"),
            ),
            TrailingData => (
                "Ada data asing setelah revisi terakhir".into(),
                "Foreign data follows the last revision".into(),
            ),
            HiddenObjectDefined(d) => (
                format!("Objek tersembunyi {d} baru didefinisikan setelah ditandatangani"),
                format!("Hidden object {d} was defined after signing"),
            ),
            LockedFieldChanged(d) => (
                format!("Kolom formulir {d} dikunci oleh tanda tangan tetapi diubah"),
                format!("Form field {d} is locked by the signature but was changed"),
            ),
            AnnotationChanged(d) => (
                format!("Anotasi diubah atau dihapus setelah ditandatangani ({d})"),
                format!("An annotation was changed or removed after signing ({d})"),
            ),
            AppearanceShadowed(d) => (
                format!("Tampilan baru memakai atau menimpa objek yang ditandatangani ({d})"),
                format!("A new appearance reuses or overwrites a signed object ({d})"),
            ),
        };
        lang.pick(id, en)
    }
}

/// The verdict on everything that happened after one signature.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    /// Later revisions compared.
    pub revisions_after: usize,
    /// Permitted changes seen.
    pub permitted: Vec<Permitted>,
    /// Forbidden changes seen; any one makes the signature fail.
    pub violations: Vec<Violation>,
}
