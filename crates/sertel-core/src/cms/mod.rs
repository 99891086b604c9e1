//! CMS (RFC 5652) pieces Sertel writes and reads: signed attributes, the ESS
//! signing-certificate-v2 attribute, the revocation-information archive attribute, and
//! `SignedData` assembly.
//!
//! Building is split in two stages so that a key held elsewhere (a token, a remote signer) fits:
//! [`attributes::SignedAttributesBuilder`] yields the exact bytes to sign, and
//! [`signed_data::SignedDataParts::assemble`] attaches the signature that came back.

pub mod attributes;
pub mod ess;
pub mod oids;
pub mod revocation_archival;
pub mod signed_data;
