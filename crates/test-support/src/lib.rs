//! Test support for Sertel: declared test PKI, sample letters, a local TSA and OCSP
//! responder, independent judges, an attack corpus against the validator, and the expected verdicts of independent corpora (pyHanko
//! test PDFs, NIST PKITS).

pub mod attacks;
pub mod bigpdf;
pub mod corpus;
pub mod judges;
pub mod letters;
pub mod loopback;
pub mod ocsp;
pub mod pki;
pub mod pkits;
pub mod recipients;
pub mod regency;
pub mod tsa;
