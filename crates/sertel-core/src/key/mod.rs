//! Local signing keys: generation, the passphrase-protected key file, passphrase policy and
//! PKCS#12 import/export.
//!
//! The owner alone holds the private key (Pasal 16 ayat 1, Pasal 19 huruf d): it is generated on
//! the owner's laptop, written to disk only encrypted under a passphrase the owner chose, and
//! never leaves the machine in the clear. Every private-key operation (generation and signing)
//! runs in aws-lc-rs, which is constant-time.

mod algorithm;
mod error;
mod fingerprint;
mod local;
mod passphrase;
mod passphrase_feedback;
mod passphrase_policy;
mod pbe;
mod pkcs12;
mod store;

pub use algorithm::{KeyAlgorithm, ParseKeyAlgorithmError};
pub use error::KeyError;
pub use fingerprint::public_key_fingerprint;
pub use local::LocalKey;
pub use passphrase::Passphrase;
pub use passphrase_feedback::{FeedbackSuggestion, FeedbackWarning};
pub use passphrase_policy::{
    strength, PassphraseError, PassphraseOwner, PassphrasePolicy, PassphraseProblem, PersonalInfo,
    Strength,
};
pub use pkcs12::{export_pkcs12, import_pkcs12, Pkcs12Bundle, Pkcs12Error, Pkcs12ExportOptions};
pub use store::{
    decrypt_key_pem, encrypt_key_pem, load_key_file, save_key_file, write_secret_file, KdfParams,
    KeyFileError, SaveOptions, KEY_FILE_PEM_LABEL,
};
