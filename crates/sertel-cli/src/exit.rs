//! Exit codes of `sertel` and the error type commands return.
//!
//! | code | meaning |
//! |---|---|
//! | 0 | success; for `verify`: every signature valid |
//! | 1 | `verify`: at least one signature invalid (altered or forged) |
//! | 2 | `verify`: at least one signature could not be decided (indeterminate), or no signature |
//! | 3 | usage error: unknown command or option, missing argument |
//! | 4 | the operation failed: unreadable file, wrong passphrase, key or PDF error, … |
//! | 5 | a batch finished with some files done and some failed |

use sertel_core::i18n::{Lang, Localized};

/// Success.
pub const OK: u8 = 0;
/// `verify`: a signature is invalid.
pub const INVALID: u8 = 1;
/// `verify`: a signature is indeterminate.
pub const INDETERMINATE: u8 = 2;
/// Usage error.
pub const USAGE: u8 = 3;
/// The operation failed.
pub const FAILED: u8 = 4;
/// A batch partly failed.
pub const PARTIAL: u8 = 5;

/// An error a command reports to the user: a machine kind, a message per language, an exit code.
#[derive(Debug)]
pub struct CliError {
    /// Stable machine-readable kind.
    pub kind: &'static str,
    /// Indonesian text.
    pub id: String,
    /// English text.
    pub en: String,
    /// Exit code.
    pub code: u8,
}

impl CliError {
    /// A usage error with texts in both languages.
    pub fn usage(id: impl Into<String>, en: impl Into<String>) -> CliError {
        CliError {
            kind: "usage",
            id: id.into(),
            en: en.into(),
            code: USAGE,
        }
    }

    /// An operation failure with texts in both languages.
    pub fn failed(kind: &'static str, id: impl Into<String>, en: impl Into<String>) -> CliError {
        CliError {
            kind,
            id: id.into(),
            en: en.into(),
            code: FAILED,
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.id, &self.en)
    }
}

impl<E: Localized> From<E> for CliError {
    fn from(e: E) -> Self {
        CliError {
            kind: e.kind(),
            id: e.message(Lang::Id),
            en: e.message(Lang::En),
            code: FAILED,
        }
    }
}
