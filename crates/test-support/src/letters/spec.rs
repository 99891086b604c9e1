//! What a sample letter looks like: its paper, its length and the words that vary.

/// Millimetres to PDF points (1/72 inch).
const MM: f32 = 72.0 / 25.4;

/// The paper a letter is printed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PageSize {
    /// ISO A4, 210 × 297 mm, upright.
    A4Portrait,
    /// ISO A4 turned on its side, 297 × 210 mm.
    A4Landscape,
    /// Folio (F4), 215 × 330 mm, common in Indonesian government offices.
    F4,
    /// US Letter, 8.5 × 11 in.
    Letter,
    /// US Legal, 8.5 × 14 in.
    Legal,
}

impl PageSize {
    /// Every size, in a fixed order.
    pub const ALL: [PageSize; 5] = [
        PageSize::A4Portrait,
        PageSize::A4Landscape,
        PageSize::F4,
        PageSize::Letter,
        PageSize::Legal,
    ];

    /// Width and height in PDF points, as written into the page's /MediaBox.
    pub fn points(self) -> (f32, f32) {
        match self {
            PageSize::A4Portrait => (210.0 * MM, 297.0 * MM),
            PageSize::A4Landscape => (297.0 * MM, 210.0 * MM),
            PageSize::F4 => (215.0 * MM, 330.0 * MM),
            PageSize::Letter => (612.0, 792.0),
            PageSize::Legal => (612.0, 1008.0),
        }
    }

    /// A short lowercase name for file names, e.g. `a4-portrait` or `f4`.
    pub fn slug(self) -> &'static str {
        match self {
            PageSize::A4Portrait => "a4-portrait",
            PageSize::A4Landscape => "a4-landscape",
            PageSize::F4 => "f4",
            PageSize::Letter => "letter",
            PageSize::Legal => "legal",
        }
    }
}

/// Everything that varies between sample letters. [`LetterSpec::default`] is a one-page A4
/// invitation from the regency's communication and informatics office.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LetterSpec {
    /// Number of pages the letter must have (at least 1).
    pub pages: usize,
    /// Paper size of every page.
    pub size: PageSize,
    /// `/Rotate` written on every page (90, 180 or 270), or none.
    pub rotated: Option<i32>,
    /// The subject ("Hal"), also the document title in /Info.
    pub title: String,
    /// The letter number ("Nomor").
    pub number: String,
    /// Place and date line, e.g. "Muara Enim, 24 November 2026".
    pub place_date: String,
    /// Who the letter is addressed to, after "Yth.".
    pub addressee: String,
    /// The signing official's position (jabatan), as printed above the signature space.
    pub signer_position: String,
    /// The signing official's name.
    pub signer_name: String,
    /// The signing official's rank (pangkat).
    pub signer_rank: String,
    /// The signing official's civil servant number (NIP), digits grouped as usual.
    pub signer_nip: String,
}

impl Default for LetterSpec {
    fn default() -> Self {
        LetterSpec {
            pages: 1,
            size: PageSize::A4Portrait,
            rotated: None,
            title: "Undangan Sosialisasi Tanda Tangan Elektronik".into(),
            number: "000.1.2/117/Diskominfo-SP/2026".into(),
            place_date: "Muara Enim, 24 November 2026".into(),
            addressee: "Kepala Perangkat Daerah di Lingkungan Pemerintah Kabupaten Muara Enim"
                .into(),
            signer_position:
                "Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Muara Enim,"
                    .into(),
            signer_name: "RAHMAT HIDAYAT, S.Kom., M.Si.".into(),
            signer_rank: "Pembina Tingkat I (IV/b)".into(),
            signer_nip: "NIP 19780312 200312 1 004".into(),
        }
    }
}

impl LetterSpec {
    /// The default letter with `pages` pages on `size` paper.
    pub fn new(pages: usize, size: PageSize) -> Self {
        LetterSpec {
            pages,
            size,
            ..LetterSpec::default()
        }
    }
}
