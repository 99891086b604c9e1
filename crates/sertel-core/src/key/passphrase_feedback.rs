//! zxcvbn's feedback, translated: every warning and suggestion in Indonesian and English.

use crate::i18n::Lang;

/// What is wrong with a passphrase, as zxcvbn sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FeedbackWarning {
    /// A straight row of keys (`qwertyuiop`).
    StraightRowsOfKeys,
    /// A short keyboard pattern (`qwsa`).
    ShortKeyboardPatterns,
    /// Repeated characters (`aaa`).
    RepeatedCharacters,
    /// Repeated groups (`abcabcabc`).
    RepeatedGroups,
    /// One of the ten most common passwords.
    Top10Password,
    /// One of the hundred most common passwords.
    Top100Password,
    /// A very common password.
    CommonPassword,
    /// Similar to a commonly used password.
    SimilarToCommonPassword,
    /// A sequence (`abc`, `6543`).
    Sequences,
    /// A recent year.
    RecentYears,
    /// A single dictionary word.
    SingleWord,
    /// A date.
    Dates,
    /// A name or surname alone.
    NamesByThemselves,
    /// A common name or surname.
    CommonNames,
}

impl FeedbackWarning {
    /// Maps zxcvbn's warning (every variant).
    pub(crate) fn from_zxcvbn(w: zxcvbn::feedback::Warning) -> FeedbackWarning {
        use zxcvbn::feedback::Warning as W;
        match w {
            W::StraightRowsOfKeysAreEasyToGuess => FeedbackWarning::StraightRowsOfKeys,
            W::ShortKeyboardPatternsAreEasyToGuess => FeedbackWarning::ShortKeyboardPatterns,
            W::RepeatsLikeAaaAreEasyToGuess => FeedbackWarning::RepeatedCharacters,
            W::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => FeedbackWarning::RepeatedGroups,
            W::ThisIsATop10Password => FeedbackWarning::Top10Password,
            W::ThisIsATop100Password => FeedbackWarning::Top100Password,
            W::ThisIsACommonPassword => FeedbackWarning::CommonPassword,
            W::ThisIsSimilarToACommonlyUsedPassword => FeedbackWarning::SimilarToCommonPassword,
            W::SequencesLikeAbcAreEasyToGuess => FeedbackWarning::Sequences,
            W::RecentYearsAreEasyToGuess => FeedbackWarning::RecentYears,
            W::AWordByItselfIsEasyToGuess => FeedbackWarning::SingleWord,
            W::DatesAreOftenEasyToGuess => FeedbackWarning::Dates,
            W::NamesAndSurnamesByThemselvesAreEasyToGuess => FeedbackWarning::NamesByThemselves,
            W::CommonNamesAndSurnamesAreEasyToGuess => FeedbackWarning::CommonNames,
        }
    }

    /// The warning in the given language.
    pub fn text(self, lang: Lang) -> &'static str {
        use FeedbackWarning as F;
        match (self, lang) {
            (F::StraightRowsOfKeys, Lang::Id) => "Deretan tombol keyboard yang lurus mudah ditebak.",
            (F::StraightRowsOfKeys, Lang::En) => "Straight rows of keys are easy to guess.",
            (F::ShortKeyboardPatterns, Lang::Id) => "Pola keyboard yang pendek mudah ditebak.",
            (F::ShortKeyboardPatterns, Lang::En) => "Short keyboard patterns are easy to guess.",
            (F::RepeatedCharacters, Lang::Id) => {
                "Pengulangan seperti \"aaa\" mudah ditebak."
            }
            (F::RepeatedCharacters, Lang::En) => "Repeats like \"aaa\" are easy to guess.",
            (F::RepeatedGroups, Lang::Id) => {
                "Pengulangan seperti \"abcabcabc\" hanya sedikit lebih sulit ditebak daripada \"abc\"."
            }
            (F::RepeatedGroups, Lang::En) => {
                "Repeats like \"abcabcabc\" are only slightly harder to guess than \"abc\"."
            }
            (F::Top10Password, Lang::Id) => "Ini termasuk 10 kata sandi paling umum.",
            (F::Top10Password, Lang::En) => "This is a top-10 common password.",
            (F::Top100Password, Lang::Id) => "Ini termasuk 100 kata sandi paling umum.",
            (F::Top100Password, Lang::En) => "This is a top-100 common password.",
            (F::CommonPassword, Lang::Id) => "Ini kata sandi yang sangat umum.",
            (F::CommonPassword, Lang::En) => "This is a very common password.",
            (F::SimilarToCommonPassword, Lang::Id) => {
                "Ini mirip dengan kata sandi yang umum dipakai."
            }
            (F::SimilarToCommonPassword, Lang::En) => {
                "This is similar to a commonly used password."
            }
            (F::Sequences, Lang::Id) => "Urutan seperti \"abc\" atau \"6543\" mudah ditebak.",
            (F::Sequences, Lang::En) => "Sequences like \"abc\" or \"6543\" are easy to guess.",
            (F::RecentYears, Lang::Id) => "Tahun-tahun terakhir mudah ditebak.",
            (F::RecentYears, Lang::En) => "Recent years are easy to guess.",
            (F::SingleWord, Lang::Id) => "Satu kata saja mudah ditebak.",
            (F::SingleWord, Lang::En) => "A word by itself is easy to guess.",
            (F::Dates, Lang::Id) => "Tanggal sering kali mudah ditebak.",
            (F::Dates, Lang::En) => "Dates are often easy to guess.",
            (F::NamesByThemselves, Lang::Id) => {
                "Nama depan atau nama keluarga saja mudah ditebak."
            }
            (F::NamesByThemselves, Lang::En) => {
                "Names and surnames by themselves are easy to guess."
            }
            (F::CommonNames, Lang::Id) => "Nama dan nama keluarga yang umum mudah ditebak.",
            (F::CommonNames, Lang::En) => "Common names and surnames are easy to guess.",
        }
    }
}

/// How to make a passphrase stronger, as zxcvbn suggests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FeedbackSuggestion {
    /// Use a few words, avoid common phrases.
    UseFewWords,
    /// Symbols, digits or upper-case letters are not needed.
    NoNeedForSymbols,
    /// Add another word or two.
    AddAnotherWord,
    /// Capitalisation does not help much.
    CapitalizationDoesntHelp,
    /// All upper case is almost as easy as all lower case.
    AllUppercaseDoesntHelp,
    /// Reversed words are not much harder to guess.
    ReversedWordsDontHelp,
    /// Predictable substitutions (`@` for `a`) do not help.
    PredictableSubstitutions,
    /// Use a longer keyboard pattern with more turns.
    LongerKeyboardPattern,
    /// Avoid repeated words and characters.
    AvoidRepetition,
    /// Avoid sequences.
    AvoidSequences,
    /// Avoid recent years.
    AvoidRecentYears,
    /// Avoid years associated with you.
    AvoidPersonalYears,
    /// Avoid dates and years associated with you.
    AvoidPersonalDates,
}

impl FeedbackSuggestion {
    /// Maps zxcvbn's suggestion (every variant).
    pub(crate) fn from_zxcvbn(s: zxcvbn::feedback::Suggestion) -> FeedbackSuggestion {
        use zxcvbn::feedback::Suggestion as S;
        match s {
            S::UseAFewWordsAvoidCommonPhrases => FeedbackSuggestion::UseFewWords,
            S::NoNeedForSymbolsDigitsOrUppercaseLetters => FeedbackSuggestion::NoNeedForSymbols,
            S::AddAnotherWordOrTwo => FeedbackSuggestion::AddAnotherWord,
            S::CapitalizationDoesntHelpVeryMuch => FeedbackSuggestion::CapitalizationDoesntHelp,
            S::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase => {
                FeedbackSuggestion::AllUppercaseDoesntHelp
            }
            S::ReversedWordsArentMuchHarderToGuess => FeedbackSuggestion::ReversedWordsDontHelp,
            S::PredictableSubstitutionsDontHelpVeryMuch => {
                FeedbackSuggestion::PredictableSubstitutions
            }
            S::UseALongerKeyboardPatternWithMoreTurns => FeedbackSuggestion::LongerKeyboardPattern,
            S::AvoidRepeatedWordsAndCharacters => FeedbackSuggestion::AvoidRepetition,
            S::AvoidSequences => FeedbackSuggestion::AvoidSequences,
            S::AvoidRecentYears => FeedbackSuggestion::AvoidRecentYears,
            S::AvoidYearsThatAreAssociatedWithYou => FeedbackSuggestion::AvoidPersonalYears,
            S::AvoidDatesAndYearsThatAreAssociatedWithYou => FeedbackSuggestion::AvoidPersonalDates,
        }
    }

    /// The suggestion in the given language.
    pub fn text(self, lang: Lang) -> &'static str {
        use FeedbackSuggestion as F;
        match (self, lang) {
            (F::UseFewWords, Lang::Id) => "Gunakan beberapa kata, hindari ungkapan yang umum.",
            (F::UseFewWords, Lang::En) => "Use a few words, avoid common phrases.",
            (F::NoNeedForSymbols, Lang::Id) => "Tidak perlu simbol, angka, atau huruf besar.",
            (F::NoNeedForSymbols, Lang::En) => "No need for symbols, digits, or uppercase letters.",
            (F::AddAnotherWord, Lang::Id) => {
                "Tambahkan satu atau dua kata lagi. Kata yang tidak umum lebih baik."
            }
            (F::AddAnotherWord, Lang::En) => "Add another word or two. Uncommon words are better.",
            (F::CapitalizationDoesntHelp, Lang::Id) => {
                "Huruf besar di awal kata tidak banyak membantu."
            }
            (F::CapitalizationDoesntHelp, Lang::En) => "Capitalization doesn't help very much.",
            (F::AllUppercaseDoesntHelp, Lang::Id) => {
                "Semua huruf besar hampir sama mudah ditebaknya dengan semua huruf kecil."
            }
            (F::AllUppercaseDoesntHelp, Lang::En) => {
                "All-uppercase is almost as easy to guess as all-lowercase."
            }
            (F::ReversedWordsDontHelp, Lang::Id) => {
                "Kata yang dibalik tidak jauh lebih sulit ditebak."
            }
            (F::ReversedWordsDontHelp, Lang::En) => "Reversed words aren't much harder to guess.",
            (F::PredictableSubstitutions, Lang::Id) => {
                "Penggantian yang mudah diduga seperti \"@\" untuk \"a\" tidak banyak membantu."
            }
            (F::PredictableSubstitutions, Lang::En) => {
                "Predictable substitutions like \"@\" instead of \"a\" don't help very much."
            }
            (F::LongerKeyboardPattern, Lang::Id) => {
                "Gunakan pola keyboard yang lebih panjang dengan lebih banyak belokan."
            }
            (F::LongerKeyboardPattern, Lang::En) => {
                "Use a longer keyboard pattern with more turns."
            }
            (F::AvoidRepetition, Lang::Id) => "Hindari kata dan karakter yang berulang.",
            (F::AvoidRepetition, Lang::En) => "Avoid repeated words and characters.",
            (F::AvoidSequences, Lang::Id) => "Hindari urutan.",
            (F::AvoidSequences, Lang::En) => "Avoid sequences.",
            (F::AvoidRecentYears, Lang::Id) => "Hindari tahun-tahun terakhir.",
            (F::AvoidRecentYears, Lang::En) => "Avoid recent years.",
            (F::AvoidPersonalYears, Lang::Id) => "Hindari tahun yang berkaitan dengan Anda.",
            (F::AvoidPersonalYears, Lang::En) => "Avoid years that are associated with you.",
            (F::AvoidPersonalDates, Lang::Id) => {
                "Hindari tanggal dan tahun yang berkaitan dengan Anda."
            }
            (F::AvoidPersonalDates, Lang::En) => {
                "Avoid dates and years that are associated with you."
            }
        }
    }
}

/// A crack time in seconds, in words ("3 tahun", "3 years").
pub(crate) fn crack_time_text(seconds: f64, lang: Lang) -> String {
    const MINUTE: f64 = 60.0;
    const HOUR: f64 = 3600.0;
    const DAY: f64 = 86_400.0;
    const MONTH: f64 = DAY * 31.0;
    const YEAR: f64 = MONTH * 12.0;
    const CENTURY: f64 = YEAR * 100.0;
    if seconds < 1.0 {
        return lang
            .pick("kurang dari satu detik", "less than a second")
            .into();
    }
    if seconds >= CENTURY {
        return lang.pick("berabad-abad", "centuries").into();
    }
    let (n, id, en) = if seconds < MINUTE {
        (seconds, "detik", "second")
    } else if seconds < HOUR {
        (seconds / MINUTE, "menit", "minute")
    } else if seconds < DAY {
        (seconds / HOUR, "jam", "hour")
    } else if seconds < MONTH {
        (seconds / DAY, "hari", "day")
    } else if seconds < YEAR {
        (seconds / MONTH, "bulan", "month")
    } else {
        (seconds / YEAR, "tahun", "year")
    };
    let n = n.floor() as u64;
    match lang {
        Lang::Id => format!("{n} {id}"),
        Lang::En if n == 1 => format!("1 {en}"),
        Lang::En => format!("{n} {en}s"),
    }
}
