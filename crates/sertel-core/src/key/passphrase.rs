//! The passphrase that protects a key file.

use std::fmt;

use zeroize::Zeroizing;

/// A passphrase, wiped from memory when dropped. `Debug` prints `***`.
#[derive(Clone, Default)]
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// Wraps a passphrase (the `String` is moved, not copied).
    pub fn new(passphrase: impl Into<String>) -> Passphrase {
        Passphrase(Zeroizing::new(passphrase.into()))
    }

    /// The passphrase text. Do not log or display it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the passphrase is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for Passphrase {
    fn from(s: String) -> Passphrase {
        Passphrase::new(s)
    }
}

impl From<&str> for Passphrase {
    fn from(s: &str) -> Passphrase {
        Passphrase::new(s)
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}
