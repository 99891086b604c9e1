//! What the signer chooses: level, sub-filter, metadata and appearance.

use serde::{Deserialize, Serialize};

/// The PAdES baseline level to produce.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "level")]
pub enum Level {
    /// B-B: signature only.
    BB,
    /// B-T: plus an RFC 3161 signature timestamp from the TSA at this URL.
    BT {
        /// The TSA's URL (`http://` or `https://`).
        tsa_url: String,
    },
}

/// The `/SubFilter` of the signature dictionary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubFilter {
    /// `ETSI.CAdES.detached` (PAdES baseline; the default).
    #[default]
    #[serde(rename = "ETSI.CAdES.detached")]
    EtsiCadesDetached,
    /// `adbe.pkcs7.detached` (for readers that predate PAdES).
    #[serde(rename = "adbe.pkcs7.detached")]
    AdbePkcs7Detached,
}

impl SubFilter {
    /// The PDF name, without the slash.
    pub fn pdf_name(self) -> &'static str {
        match self {
            SubFilter::EtsiCadesDetached => "ETSI.CAdES.detached",
            SubFilter::AdbePkcs7Detached => "adbe.pkcs7.detached",
        }
    }
}

/// Where and how the signature shows on the page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Appearance {
    /// No visible mark (the widget has a zero-size rectangle on the first page).
    #[default]
    Invisible,
    /// A rectangle with the signer's name and the signing date.
    Visible {
        /// Page number, 1-based; 0 or a number past the end means the last page.
        page: usize,
        /// Lower-left corner and size in points, relative to the page's lower-left corner.
        x: f64,
        /// Lower-left y in points.
        y: f64,
        /// Width in points.
        width: f64,
        /// Height in points.
        height: f64,
    },
    /// The Indonesian signature specimen: logo, heading, jabatan, name with titles,
    /// pangkat/golongan, NIP, a QR code of the document's verification URL and the issuer
    /// footer, in an embedded font, placed by page and position or at a marker text.
    Specimen(Box<super::specimen::Specimen>),
    /// An agency's electronic seal: the specimen headed "Disegel secara elektronik oleh:" with
    /// the agency's name and organisation, the QR code and the issuer footer (the specimen's
    /// jabatan, pangkat and NIP are not shown). Usually with a [`Certification`].
    Seal(Box<super::specimen::Specimen>),
    /// A paraf: the compact initials mark of a drafting official (initials, name, jabatan,
    /// date), placed by page and position or at a marker.
    Paraf(Box<super::specimen::Paraf>),
}

/// The permission level of a certification signature (DocMDP `/P`): what later revisions of
/// the document may change without breaking it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Certification {
    /// `/P 1`: nothing (validation data and document timestamps only).
    NoChanges,
    /// `/P 2`: filling in forms and signing.
    FormFilling,
    /// `/P 3`: filling in forms, signing and comments.
    Annotations,
}

impl Certification {
    /// The DocMDP `/P` value.
    pub fn level(self) -> i64 {
        match self {
            Certification::NoChanges => 1,
            Certification::FormFilling => 2,
            Certification::Annotations => 3,
        }
    }
}

/// An empty signature field made with a signature, for a later signer to sign into (by its
/// name as [`SignOptions::field_name`]). A certifying seal makes these for the signers after
/// it: at `/P 2` a later signature may fill a field, not add a visible one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EmptyField {
    /// The field's name.
    pub name: String,
    /// Its box: by page and position, or at a marker (the specimen's size when none is
    /// given). The marker stays in the page content; the later signature's box covers it.
    pub placement: super::specimen::Placement,
}

/// Everything about one signature besides the key and certificate.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SignOptions {
    /// The PAdES level.
    pub level: Level,
    /// The `/SubFilter`.
    pub sub_filter: SubFilter,
    /// `/Reason`.
    pub reason: Option<String>,
    /// `/Location`.
    pub location: Option<String>,
    /// `/ContactInfo`.
    pub contact_info: Option<String>,
    /// The appearance.
    pub appearance: Appearance,
    /// The signing time written to `/M`, as Unix seconds; `None` means now.
    pub signing_time: Option<i64>,
    /// Name of the new signature field; `None` picks `Signature1`, `Signature2`, … unused.
    /// When the document has an empty signature field of this name, the signature goes into
    /// it and takes its rectangle (the appearance's own placement is then not used).
    pub field_name: Option<String>,
    /// Replace the output file if it exists.
    pub overwrite: bool,
    /// Make this a certification signature with this permission level (the document's first
    /// signature only).
    #[serde(default)]
    pub certification: Option<Certification>,
    /// Lock these form fields against later changes (FieldMDP).
    #[serde(default)]
    pub lock: Option<crate::verify::changes::FieldLock>,
    /// Empty signature fields to add with this signature, for later signers.
    #[serde(default)]
    pub empty_fields: Vec<EmptyField>,
}

impl Default for SignOptions {
    fn default() -> Self {
        SignOptions {
            level: Level::BB,
            sub_filter: SubFilter::default(),
            reason: None,
            location: None,
            contact_info: None,
            appearance: Appearance::Invisible,
            signing_time: None,
            field_name: None,
            overwrite: false,
            certification: None,
            lock: None,
            empty_fields: Vec::new(),
        }
    }
}
