//! The certificate owner's profile and the regency's subject profile, with the checks a form
//! needs: NIP, NIK, official e-mail address, and the lengths the certificate allows.

mod digits;
mod email;
mod nik;
mod nip;
mod seal;
mod subject;
mod subject_error;

pub use email::{validate_email, EmailError, EmailPolicy};
pub use nik::{Nik, NikError, NipNikMismatch};
pub use nip::{Nip, NipError, Sex};
pub use seal::SealProfile;
pub use subject::{OwnerProfile, RegencyProfile};
pub use subject_error::{ProfileError, ProfileField};
