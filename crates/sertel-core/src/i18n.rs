//! The two languages Sertel speaks, and the trait every user-facing error implements.

use serde::{Deserialize, Serialize};

/// A language of the user interface. Indonesian is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bahasa Indonesia (default).
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// Parses `id`, `in`, `en` and their long forms (`indonesia`, `english`), case-insensitively.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "id" | "in" | "id-id" | "indonesia" | "indonesian" | "bahasa" => Some(Lang::Id),
            "en" | "en-us" | "en-gb" | "english" | "inggris" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the language from the environment (`SERTEL_LANG`, then `LANG`), Indonesian if unset.
    pub fn from_env() -> Lang {
        for var in ["SERTEL_LANG", "LANG"] {
            if let Ok(v) = std::env::var(var) {
                let head = v.split(['.', '_']).next().unwrap_or_default();
                if let Some(lang) = Lang::parse(head) {
                    return lang;
                }
            }
        }
        Lang::Id
    }

    /// Chooses between an Indonesian and an English text.
    pub fn pick<T>(self, id: T, en: T) -> T {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

/// An error or status a user reads: a stable machine `kind` and a message in either language.
pub trait Localized {
    /// A stable, machine-readable identifier (`snake_case`), for programs and the UI to branch on.
    fn kind(&self) -> &'static str;
    /// The message in the given language.
    fn message(&self, lang: Lang) -> String;
}

/// A [`Localized`] value captured in both languages, for reports that are serialized and read
/// later: the `kind` and both messages travel together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Text {
    /// The machine-readable identifier.
    pub kind: &'static str,
    /// The message in Indonesian.
    pub id: String,
    /// The message in English.
    pub en: String,
}

impl Text {
    /// Captures `value` in both languages.
    pub fn of(value: &impl Localized) -> Text {
        Text {
            kind: value.kind(),
            id: value.message(Lang::Id),
            en: value.message(Lang::En),
        }
    }
}

impl Localized for Text {
    fn kind(&self) -> &'static str {
        self.kind
    }

    fn message(&self, lang: Lang) -> String {
        lang.pick(&self.id, &self.en).clone()
    }
}
