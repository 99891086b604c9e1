//! The strength meter under a new passphrase: the core's zxcvbn rating and policy, worded for
//! the screen. The passphrase is only read, never kept.

use serde::Serialize;
use sertel_core::i18n::{Lang, Localized};
use sertel_core::key::{strength, Passphrase, PassphraseOwner, PassphrasePolicy};

/// What the meter shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Meter {
    /// zxcvbn's score, 0 (very weak) to 4 (very strong).
    pub score: u8,
    /// Whether the policy accepts the passphrase.
    pub acceptable: bool,
    /// How long an offline attack would take, in words.
    pub crack_time: String,
    /// Why it is refused (empty when acceptable).
    pub problems: String,
    /// zxcvbn's warning and suggestions, in `lang`.
    pub hints: Vec<String>,
}

/// Rates `passphrase` for `owner` in `lang`.
pub fn meter(passphrase: &Passphrase, owner: &PassphraseOwner<'_>, lang: Lang) -> Meter {
    let rated = strength(passphrase, owner);
    let verdict = PassphrasePolicy::default().check(passphrase, owner);
    let mut hints: Vec<String> = rated
        .warning
        .iter()
        .map(|w| w.text(lang).to_owned())
        .collect();
    hints.extend(rated.suggestions.iter().map(|s| s.text(lang).to_owned()));
    Meter {
        score: rated.score,
        acceptable: verdict.is_ok(),
        crack_time: rated.crack_time_text(lang),
        problems: verdict.err().map(|e| e.message(lang)).unwrap_or_default(),
        hints,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_word_is_refused_and_a_long_phrase_accepted() {
        let owner = PassphraseOwner::default();
        let weak = meter(&Passphrase::new("rahasia"), &owner, Lang::Id);
        assert!(!weak.acceptable);
        assert!(
            weak.problems.contains("terlalu pendek"),
            "{}",
            weak.problems
        );
        let strong = meter(
            &Passphrase::new("kopi pahit di tepi sungai lematang"),
            &owner,
            Lang::En,
        );
        assert!(strong.acceptable, "{strong:?}");
        assert!(strong.score >= 3);
    }
}
