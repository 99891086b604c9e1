//! PKCS#12 (RFC 7292): importing a key with its certificate and chain issued elsewhere
//! (Pasal 15 ayat 2), and exporting a backup.
//!
//! Import reads what real tools write: OpenSSL 3's defaults (PBES2/PBKDF2-HMAC-SHA256/AES-256-CBC
//! shrouded key bag, certificates in an encrypted-data safe, HMAC-SHA-256 MAC), OpenSSL's
//! `-legacy` form (pbeWithSHAAnd3-KeyTripleDES-CBC key bag, pbeWithSHAAnd40BitRC2-CBC certificate
//! safe, HMAC-SHA-1 MAC), NSS's BER encoding (Firefox, Thunderbird, `pk12util`), and unencrypted
//! bags. The MAC is checked before anything is decrypted, so a wrong password is reported as
//! such.
//!
//! Export writes the OpenSSL 3 form, with stronger iteration counts (see
//! [`Pkcs12ExportOptions`]).

mod ber;
mod error;
mod export;
mod import;
mod legacy_pbe;
mod mac;
mod password;

pub use error::Pkcs12Error;
pub use export::{export_pkcs12, Pkcs12ExportOptions};
pub use import::import_pkcs12;

use x509_cert::certificate::Certificate;

use super::LocalKey;

/// A private key with its certificate and the certificates that issued it.
#[derive(Debug)]
pub struct Pkcs12Bundle {
    /// The private key.
    pub key: LocalKey,
    /// The certificate of that key.
    pub certificate: Certificate,
    /// The other certificates, the issuer of `certificate` first when it is present, then its
    /// issuer, and so on; certificates not on that path follow in file order.
    pub chain: Vec<Certificate>,
    /// The friendly name attached to the key or certificate, if any.
    pub friendly_name: Option<String>,
}

/// OIDs used by PKCS#12 files.
pub(crate) mod oids {
    use der::asn1::ObjectIdentifier as O;
    pub const DATA: O = O::new_unwrap("1.2.840.113549.1.7.1");
    pub const ENCRYPTED_DATA: O = O::new_unwrap("1.2.840.113549.1.7.6");
    pub const FRIENDLY_NAME: O = O::new_unwrap("1.2.840.113549.1.9.20");
    pub const LOCAL_KEY_ID: O = O::new_unwrap("1.2.840.113549.1.9.21");
    pub const SHA1: O = O::new_unwrap("1.3.14.3.2.26");
    pub const SHA256: O = O::new_unwrap("2.16.840.1.101.3.4.2.1");
    pub const SHA384: O = O::new_unwrap("2.16.840.1.101.3.4.2.2");
    pub const SHA512: O = O::new_unwrap("2.16.840.1.101.3.4.2.3");
}
