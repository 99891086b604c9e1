//! The policy a new passphrase must meet, and its strength for a meter (zxcvbn).

use zeroize::Zeroizing;

use super::passphrase_feedback::crack_time_text;
use super::{FeedbackSuggestion, FeedbackWarning, Passphrase};
use crate::i18n::{Lang, Localized};

/// The owner's personal data a passphrase must not contain.
#[derive(Clone, Copy, Debug, Default)]
pub struct PassphraseOwner<'a> {
    /// Full name as in the certificate.
    pub full_name: &'a str,
    /// NIP (18 digits).
    pub nip: &'a str,
    /// Official e-mail address.
    pub email: &'a str,
}

/// Which piece of personal data a passphrase contained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PersonalInfo {
    /// The owner's name or a part of it.
    Name,
    /// The owner's NIP.
    Nip,
    /// The owner's e-mail address or its user part.
    Email,
}

/// One reason a passphrase is refused.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum PassphraseProblem {
    /// Fewer characters than the policy's minimum.
    TooShort {
        /// The minimum number of characters.
        min: usize,
        /// The number of characters given.
        actual: usize,
    },
    /// It contains the owner's name, NIP or e-mail.
    ContainsPersonalInfo(PersonalInfo),
    /// zxcvbn rates it below the policy's minimum score.
    TooWeak {
        /// The score zxcvbn gave (0–4).
        score: u8,
        /// The minimum score of the policy.
        min_score: u8,
        /// zxcvbn's warning, if any.
        warning: Option<FeedbackWarning>,
        /// zxcvbn's suggestions.
        suggestions: Vec<FeedbackSuggestion>,
    },
}

impl PassphraseProblem {
    fn text(&self, lang: Lang) -> String {
        match self {
            PassphraseProblem::TooShort { min, actual } => match lang {
                Lang::Id => {
                    format!("Frasa sandi terlalu pendek: {actual} karakter, minimal {min}.")
                }
                Lang::En => {
                    format!("The passphrase is too short: {actual} characters, at least {min}.")
                }
            },
            PassphraseProblem::ContainsPersonalInfo(what) => {
                let (id, en) = match what {
                    PersonalInfo::Name => ("nama Anda", "your name"),
                    PersonalInfo::Nip => ("NIP Anda", "your NIP"),
                    PersonalInfo::Email => ("alamat e-mail Anda", "your e-mail address"),
                };
                match lang {
                    Lang::Id => format!("Frasa sandi tidak boleh memuat {id}."),
                    Lang::En => format!("The passphrase must not contain {en}."),
                }
            }
            PassphraseProblem::TooWeak {
                score,
                min_score,
                warning,
                suggestions,
            } => {
                let mut s = match lang {
                    Lang::Id => format!(
                        "Frasa sandi terlalu mudah ditebak (kekuatan {score} dari 4, minimal {min_score})."
                    ),
                    Lang::En => format!(
                        "The passphrase is too easy to guess (strength {score} of 4, at least {min_score})."
                    ),
                };
                if let Some(w) = warning {
                    s.push(' ');
                    s.push_str(w.text(lang));
                }
                for sug in suggestions {
                    s.push(' ');
                    s.push_str(sug.text(lang));
                }
                s
            }
        }
    }
}

/// A passphrase was refused by the policy.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PassphraseError {
    /// The passphrase does not meet the policy; every problem found is listed.
    #[error("the passphrase does not meet the policy ({} problem(s))", .0.len())]
    Rejected(Vec<PassphraseProblem>),
}

impl PassphraseError {
    /// The problems found.
    pub fn problems(&self) -> &[PassphraseProblem] {
        match self {
            PassphraseError::Rejected(p) => p,
        }
    }
}

impl Localized for PassphraseError {
    fn kind(&self) -> &'static str {
        "passphrase_rejected"
    }

    fn message(&self, lang: Lang) -> String {
        self.problems()
            .iter()
            .map(|p| p.text(lang))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// How strong a passphrase is, for a strength meter.
#[derive(Clone, Debug, PartialEq)]
pub struct Strength {
    /// zxcvbn's score, 0 (very weak) to 4 (very strong).
    pub score: u8,
    /// log10 of the estimated number of guesses.
    pub guesses_log10: f64,
    /// Estimated seconds to crack offline at 10^4 guesses per second (a slow, salted KDF such as
    /// the key file's scrypt, attacked with many machines).
    pub crack_seconds: f64,
    /// zxcvbn's warning, if any.
    pub warning: Option<FeedbackWarning>,
    /// zxcvbn's suggestions.
    pub suggestions: Vec<FeedbackSuggestion>,
}

impl Strength {
    /// The crack time in words ("3 tahun" / "3 years").
    pub fn crack_time_text(&self, lang: Lang) -> String {
        crack_time_text(self.crack_seconds, lang)
    }
}

/// Only this many leading characters are analysed by zxcvbn (its matching is super-linear).
const ANALYSED_CHARS: usize = 256;

/// Words every Sertel user shares; a passphrase built on them is weaker than it looks.
const CONTEXT_WORDS: [&str; 6] = [
    "sertel",
    "muaraenim",
    "muara",
    "enim",
    "pemkab",
    "kabupaten",
];

/// The rules a new passphrase must meet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PassphrasePolicy {
    /// Minimum length in characters (default 12).
    pub min_length: usize,
    /// Minimum zxcvbn score, 0–4 (default 3).
    pub min_score: u8,
}

impl Default for PassphrasePolicy {
    fn default() -> Self {
        PassphrasePolicy {
            min_length: 12,
            min_score: 3,
        }
    }
}

impl PassphrasePolicy {
    /// Checks a new passphrase; returns its strength if accepted, or every problem found.
    pub fn check(
        &self,
        passphrase: &Passphrase,
        owner: &PassphraseOwner<'_>,
    ) -> Result<Strength, PassphraseError> {
        let mut problems = Vec::new();
        let actual = passphrase.expose().chars().count();
        if actual < self.min_length {
            problems.push(PassphraseProblem::TooShort {
                min: self.min_length,
                actual,
            });
        }
        let lowered = passphrase.expose().to_lowercase();
        for (what, needles) in personal_needles(owner) {
            if needles.iter().any(|n| lowered.contains(n.as_str())) {
                problems.push(PassphraseProblem::ContainsPersonalInfo(what));
            }
        }
        let strength = strength(passphrase, owner);
        if strength.score < self.min_score {
            problems.push(PassphraseProblem::TooWeak {
                score: strength.score,
                min_score: self.min_score,
                warning: strength.warning,
                suggestions: strength.suggestions.clone(),
            });
        }
        if problems.is_empty() {
            Ok(strength)
        } else {
            Err(PassphraseError::Rejected(problems))
        }
    }
}

/// Rates a passphrase with zxcvbn, the owner's data counting as known words.
pub fn strength(passphrase: &Passphrase, owner: &PassphraseOwner<'_>) -> Strength {
    let analysed: Zeroizing<String> =
        Zeroizing::new(passphrase.expose().chars().take(ANALYSED_CHARS).collect());
    let mut inputs: Vec<String> = personal_needles(owner)
        .into_iter()
        .flat_map(|(_, n)| n)
        .collect();
    inputs.extend(CONTEXT_WORDS.iter().map(|w| (*w).to_owned()));
    let refs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let entropy = zxcvbn::zxcvbn(&analysed, &refs);
    let feedback = entropy.feedback();
    let crack_seconds = match entropy.crack_times().offline_slow_hashing_1e4_per_second() {
        zxcvbn::time_estimates::CrackTimeSeconds::Integer(i) => i as f64,
        zxcvbn::time_estimates::CrackTimeSeconds::Float(f) => f,
    };
    Strength {
        score: u8::from(entropy.score()),
        guesses_log10: entropy.guesses_log10(),
        crack_seconds,
        warning: feedback
            .and_then(|f| f.warning())
            .map(FeedbackWarning::from_zxcvbn),
        suggestions: feedback
            .map(|f| {
                f.suggestions()
                    .iter()
                    .map(|s| FeedbackSuggestion::from_zxcvbn(*s))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// The lower-case strings that count as each kind of personal data.
fn personal_needles(owner: &PassphraseOwner<'_>) -> Vec<(PersonalInfo, Vec<String>)> {
    let name = owner.full_name.to_lowercase();
    let mut name_needles: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|part| part.chars().count() >= 4)
        .map(str::to_owned)
        .collect();
    let joined: String = name.chars().filter(|c| c.is_alphanumeric()).collect();
    if joined.chars().count() >= 4 {
        name_needles.push(joined);
    }
    let nip: String = owner.nip.chars().filter(char::is_ascii_digit).collect();
    let nip_needles = if nip.len() >= 8 {
        vec![nip]
    } else {
        Vec::new()
    };
    let email = owner.email.trim().to_lowercase();
    let mut email_needles = Vec::new();
    if let Some((local, _)) = email.split_once('@') {
        if local.chars().count() >= 4 {
            email_needles.push(local.to_owned());
        }
    }
    if !email.is_empty() {
        email_needles.push(email);
    }
    vec![
        (PersonalInfo::Name, name_needles),
        (PersonalInfo::Nip, nip_needles),
        (PersonalInfo::Email, email_needles),
    ]
}
