//! Printing results: JSON for programs, text in the user's language for people.

use std::io::IsTerminal;

use serde::Serialize;
use sertel_core::i18n::Lang;

use crate::exit::CliError;

/// How the command prints.
#[derive(Clone, Copy, Debug)]
pub struct Out {
    /// Print JSON on stdout instead of text.
    pub json: bool,
    /// The language of the text.
    pub lang: Lang,
    /// Suppress progress output.
    pub quiet: bool,
}

impl Out {
    /// Prints `value` as one JSON document on stdout.
    pub fn json<T: Serialize>(&self, value: &T) {
        match serde_json::to_string_pretty(value) {
            Ok(s) => println!("{s}"),
            Err(e) => eprintln!("{{\"error\": \"json: {e}\"}}"),
        }
    }

    /// Picks the text for the user's language.
    pub fn t<'a>(&self, id: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(id, en)
    }

    /// Whether progress bars should be drawn (text mode, stderr is a terminal).
    pub fn progress(&self) -> bool {
        !self.json && !self.quiet && std::io::stderr().is_terminal()
    }

    /// Reports an error: JSON on stdout in `--json` mode, text on stderr otherwise.
    pub fn error(&self, e: &CliError) {
        if self.json {
            self.json(&serde_json::json!({
                "ok": false,
                "error": { "kind": e.kind, "message": e.message(self.lang) },
            }));
        } else {
            eprintln!("sertel: {}", e.message(self.lang));
        }
    }
}
