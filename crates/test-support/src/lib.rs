//! Test support for Sertel: declared test PKI, sample letters, a local TSA, independent judges.

pub mod bigpdf;
pub mod corpus;
pub mod judges;
pub mod letters;
pub mod pkits;
pub mod tsa;
