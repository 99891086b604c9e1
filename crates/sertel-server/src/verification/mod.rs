//! The public verification of signed letters (Pasal 14 huruf c): owners register the letters
//! they sign with a specimen ([`register`]); anyone opens the page of a letter's QR code and may
//! upload the PDF to check it ([`page`], [`check`]).

pub mod check;
pub mod html;
pub mod page;
pub mod register;
