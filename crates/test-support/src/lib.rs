//! Test support for Sertel: declared test PKI, sample letters, a local TSA, independent judges.

pub mod pki;
