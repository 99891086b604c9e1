//! The recommendation letter (surat rekomendasi) that goes with an application: the template in
//! the Lampiran of Perbup Muara Enim 2/2025, filled from a checked form and written as a PDF
//! ready for the recommender's signature.
//!
//! The form ([`RecommendationForm`]) has the recommender's and the applicant's blocks (name,
//! NIP, NIK, pangkat/golongan, jabatan, unit kerja, e-mail; the applicant's telephone), the
//! electronic system the certificate is for, its uses, the place and the date.
//! [`RecommendationForm::validate`] reports every problem per field ([`LetterError::field`],
//! messages in Indonesian and English), reusing the owner profile's NIP, NIK and e-mail checks;
//! [`render`] checks and then lays the letter out as the template has it.
//!
//! ```
//! # use sertel_core::recommendation::*;
//! # use sertel_core::profile::RegencyProfile;
//! # fn form() -> RecommendationForm { unimplemented!() }
//! # fn demo() {
//! match render(&form(), &RegencyProfile::default()) {
//!     Ok(pdf) => { /* preview, save, attach to the application */ }
//!     Err(problems) => for p in problems { println!("{}: {p}", p.field().key()) },
//! }
//! # }
//! ```

mod compose;
mod date;
mod error;
mod form;
mod iso_date;
mod pdf;
mod sheet;
mod validate;
pub mod wording;

pub use date::{long_date, month_name};
pub use error::{Block, LetterError, LetterField};
pub use form::{Letterhead, Official, RecommendationForm, Uses};
pub use pdf::DOCUMENT_TITLE;

use crate::profile::RegencyProfile;

/// Checks `form` (as of today) and renders the letter as the bytes of a PDF.
pub fn render(
    form: &RecommendationForm,
    regency: &RegencyProfile,
) -> Result<Vec<u8>, Vec<LetterError>> {
    form.validate(regency)?;
    Ok(render_unchecked(form, regency))
}

/// Renders the letter without checking the form (for previews while the form is filled in).
pub fn render_unchecked(form: &RecommendationForm, regency: &RegencyProfile) -> Vec<u8> {
    pdf::write(&compose::compose(form, regency), form.date)
}
