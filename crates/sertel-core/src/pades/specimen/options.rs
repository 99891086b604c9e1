//! What the signer chooses for the specimen: where it goes, who it names, the logo, the
//! verification URL and the footer wording.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::footer::IssuerFooter;

/// The marker text a letter carries where the signature goes, by default.
pub const DEFAULT_MARKER: &str = "$ttd$";

/// The marker text a letter carries where the agency's seal goes, by default.
pub const DEFAULT_SEAL_MARKER: &str = "$segel$";

/// The specimen's size when a marker places it, in points (about 9.5 × 4.4 cm).
pub const DEFAULT_SIZE: (f64, f64) = (270.0, 125.0);

/// Which page carries the specimen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "page", content = "number")]
pub enum PageChoice {
    /// The first page.
    First,
    /// The last page (the usual place of a letter's signature).
    #[default]
    Last,
    /// Page `n`, 1-based.
    Number(usize),
}

/// Where the specimen goes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "by")]
pub enum Placement {
    /// A box on a page. Coordinates are in points from the lower-left corner of the page's
    /// visible area (CropBox) as the reader sees it, i.e. after `/Rotate`.
    At {
        /// The page.
        page: PageChoice,
        /// Left edge.
        x: f64,
        /// Bottom edge.
        y: f64,
        /// Width.
        width: f64,
        /// Height.
        height: f64,
    },
    /// Where a marker text stands in the letter: the marker is removed from the page content
    /// and the box's top-left corner takes its place (moved inside the page if it would stick
    /// out).
    Marker {
        /// The marker text, e.g. [`DEFAULT_MARKER`].
        text: String,
        /// Use the first occurrence when there are several (otherwise several are an error).
        first: bool,
        /// The box's width and height; [`DEFAULT_SIZE`] when `None`.
        size: Option<(f64, f64)>,
    },
}

impl Default for Placement {
    fn default() -> Self {
        Placement::Marker {
            text: DEFAULT_MARKER.into(),
            first: false,
            size: None,
        }
    }
}

/// The Indonesian signature specimen: logo, "Ditandatangani secara elektronik oleh:", jabatan,
/// name with titles, pangkat/golongan, NIP, a QR code of the document's verification URL and
/// the issuer footer, in an embedded DejaVu Sans subset.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Specimen {
    /// Where it goes.
    pub placement: Placement,
    /// The signer's position (jabatan), e.g. "Kepala Dinas Komunikasi dan Informatika".
    #[serde(default)]
    pub jabatan: Option<String>,
    /// The full name with academic titles; default: the certificate's common name.
    #[serde(default)]
    pub name_with_titles: Option<String>,
    /// Rank and grade (pangkat/golongan), e.g. "Pembina Tingkat I (IV/b)".
    #[serde(default)]
    pub pangkat: Option<String>,
    /// The NIP (18 digits, grouped or not); default: the certificate subject's serial number
    /// when it is a NIP.
    #[serde(default)]
    pub nip: Option<String>,
    /// A PNG or JPEG logo shown at the top left; none leaves the space to the text.
    #[serde(default)]
    pub logo: Option<PathBuf>,
    /// The public verification URL with `{id}` where the document id goes, e.g.
    /// `https://tte.muaraenimkab.go.id/v/{id}`.
    pub verify_url: String,
    /// Footer wordings per issuing CA (checked first).
    #[serde(default)]
    pub issuer_footers: Vec<IssuerFooter>,
    /// The footer for issuers that are neither configured nor the national CA; `{issuer}`
    /// becomes the issuer's name. Default: [`super::footer::REGENCY_FOOTER`].
    #[serde(default)]
    pub default_footer: Option<String>,
}
