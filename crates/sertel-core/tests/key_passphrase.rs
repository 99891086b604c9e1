//! Passphrase policy: weak passphrases are refused with reasons in both languages; a strong one
//! is accepted with a strength for the meter.

#![allow(clippy::unwrap_used)]

use sertel_core::i18n::{Lang, Localized};
use sertel_core::key::{
    strength, FeedbackWarning, Passphrase, PassphraseOwner, PassphrasePolicy, PassphraseProblem,
    PersonalInfo,
};

const OWNER: PassphraseOwner<'static> = PassphraseOwner {
    full_name: "Siti Rahmawati, S.Kom.",
    nip: "198507142010012003",
    email: "siti.rahmawati@muaraenimkab.go.id",
};

fn problems(pass: &str) -> Vec<PassphraseProblem> {
    PassphrasePolicy::default()
        .check(&Passphrase::from(pass), &OWNER)
        .expect_err(pass)
        .problems()
        .to_vec()
}

#[test]
fn debug_hides_the_passphrase() {
    let p = Passphrase::from("rahasia sekali");
    assert_eq!(format!("{p:?}"), "***");
    assert_eq!(format!("{:?}", Some(p)), "Some(***)");
}

#[test]
fn short_and_common_passphrases_are_refused() {
    let p = problems("password");
    assert!(
        p.contains(&PassphraseProblem::TooShort { min: 12, actual: 8 }),
        "{p:?}"
    );
    assert!(
        p.iter().any(|x| matches!(
            x,
            PassphraseProblem::TooWeak {
                score: 0,
                warning: Some(FeedbackWarning::Top10Password),
                ..
            }
        )),
        "{p:?}"
    );
    let err = PassphrasePolicy::default()
        .check(&Passphrase::from("password"), &OWNER)
        .unwrap_err();
    assert_eq!(err.kind(), "passphrase_rejected");
    let id = err.message(Lang::Id);
    let en = err.message(Lang::En);
    assert!(
        id.contains("terlalu pendek") && id.contains("10 kata sandi paling umum"),
        "{id}"
    );
    assert!(
        en.contains("too short") && en.contains("top-10 common password"),
        "{en}"
    );

    // Long enough but guessable.
    let p = problems("qwertyuiopasdf");
    assert!(p
        .iter()
        .all(|x| !matches!(x, PassphraseProblem::TooShort { .. })));
    assert!(
        p.iter()
            .any(|x| matches!(x, PassphraseProblem::TooWeak { .. })),
        "{p:?}"
    );
    let p = problems("aaaaaaaaaaaaaaaa");
    assert!(
        p.iter().any(|x| matches!(
            x,
            PassphraseProblem::TooWeak {
                warning: Some(FeedbackWarning::RepeatedCharacters),
                ..
            }
        )),
        "{p:?}"
    );
}

#[test]
fn personal_data_is_refused() {
    let p = problems("Rahmawati-Lematang-Kopi-88");
    assert!(
        p.contains(&PassphraseProblem::ContainsPersonalInfo(PersonalInfo::Name)),
        "{p:?}"
    );
    let p = problems("x198507142010012003x!");
    assert!(
        p.contains(&PassphraseProblem::ContainsPersonalInfo(PersonalInfo::Nip)),
        "{p:?}"
    );
    let p = problems("kopi siti.rahmawati@muaraenimkab.go.id");
    assert!(
        p.contains(&PassphraseProblem::ContainsPersonalInfo(
            PersonalInfo::Email
        )),
        "{p:?}"
    );
    let err = PassphrasePolicy::default()
        .check(&Passphrase::from("198507142010012003"), &OWNER)
        .unwrap_err();
    assert!(err.message(Lang::Id).contains("NIP Anda"));
    assert!(err.message(Lang::En).contains("your NIP"));
}

#[test]
fn strong_passphrase_is_accepted() {
    let pass = Passphrase::from("jembatan ampera hujan kopi pagi");
    let s = PassphrasePolicy::default().check(&pass, &OWNER).unwrap();
    assert!(s.score >= 3, "{s:?}");
    assert!(s.guesses_log10 > 10.0);
    let text_id = s.crack_time_text(Lang::Id);
    let text_en = s.crack_time_text(Lang::En);
    assert!(!text_id.is_empty() && !text_en.is_empty());

    let weak = strength(&Passphrase::from("abc"), &OWNER);
    assert_eq!(weak.score, 0);
    assert_eq!(weak.crack_time_text(Lang::Id), "kurang dari satu detik");
    assert_eq!(weak.crack_time_text(Lang::En), "less than a second");
}
