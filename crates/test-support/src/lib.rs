//! Test support for Sertel: declared test PKI, sample letters, a local TSA, independent judges.

pub mod bigpdf;
pub mod judges;
pub mod letters;
pub mod pki;
pub mod tsa;
