//! NIP, NIK, e-mail and whole-profile checks, good and bad, with the clock pinned.

#![allow(clippy::unwrap_used)]

use sertel_core::i18n::{Lang, Localized};
use sertel_core::profile::{
    validate_email, EmailError, EmailPolicy, Nik, NikError, Nip, NipError, NipNikMismatch,
    OwnerProfile, ProfileError, ProfileField, RegencyProfile, Sex,
};
use time::macros::date;
use time::{Date, Month};

const TODAY: Date = date!(2026 - 06 - 01);

fn nip(s: &str) -> Result<Nip, NipError> {
    Nip::parse_at(s, TODAY)
}

fn nik(s: &str) -> Result<Nik, NikError> {
    Nik::parse_at(s, TODAY)
}

#[test]
fn nip_good() {
    let n = nip("198507142010012003").unwrap();
    assert_eq!(n.birth_date, date!(1985 - 07 - 14));
    assert_eq!(
        (n.appointment_year, n.appointment_month),
        (2010, Month::January)
    );
    assert_eq!(n.sex, Sex::Female);
    assert_eq!(n.sequence, 3);
    assert_eq!(
        nip("19850714 201001 2 003").unwrap().as_str(),
        "198507142010012003"
    );
    // Appointed in the month of the 17th birthday, and in the current month.
    nip("198507142002071001").unwrap();
    nip("199001012026061001").unwrap();
}

#[test]
fn nip_bad_says_which_part() {
    let cases = [
        ("19850714201001200", NipError::Length(17)),
        ("1985071420100120a3", NipError::NotDigits),
        ("198502302010012003", NipError::BirthDate),
        ("198513012010012003", NipError::BirthDate),
        ("193905142010012003", NipError::BirthYearOutOfRange(1939)),
        ("202701012045011001", NipError::BirthYearOutOfRange(2027)),
        ("198507142010132003", NipError::AppointmentMonth),
        ("198507142010002003", NipError::AppointmentMonth),
        ("198507142002062003", NipError::AppointmentTooEarly),
        ("198507142026072003", NipError::AppointmentInFuture),
        ("198507142010013003", NipError::Sex),
        ("198507142010010003", NipError::Sex),
        ("198507142010012000", NipError::Sequence),
    ];
    for (s, expected) in cases {
        let err = nip(s).unwrap_err();
        assert_eq!(err, expected, "{s}");
        assert!(!err.message(Lang::Id).is_empty() && !err.message(Lang::En).is_empty());
    }
    assert!(nip("198507142010012000")
        .unwrap_err()
        .message(Lang::Id)
        .contains("angka ke-16"));
    assert!(nip("198507142010013003")
        .unwrap_err()
        .message(Lang::En)
        .contains("Digit 15"));
}

#[test]
fn nik_good_and_century_guess() {
    let m = nik("1603051407850001").unwrap();
    assert_eq!((m.province, m.regency, m.district), (16, 3, 5));
    assert_eq!(m.birth_date, date!(1985 - 07 - 14));
    assert_eq!(m.sex, Sex::Male);
    let f = nik("1603 0554 0785 0001").unwrap();
    assert_eq!(f.sex, Sex::Female);
    assert_eq!(f.birth_date, date!(1985 - 07 - 14));
    assert_eq!(
        nik("1603051407250001").unwrap().birth_date,
        date!(2025 - 07 - 14)
    );
    assert_eq!(
        nik("1603051412260001").unwrap().birth_date,
        date!(1926 - 12 - 14)
    );
    assert_eq!(
        nik("1603052902000001").unwrap().birth_date,
        date!(2000 - 02 - 29)
    );
    nik("9601011010900001").unwrap();
}

#[test]
fn nik_bad() {
    let cases = [
        ("160305140785001", NikError::Length(15)),
        ("16030514078500x1", NikError::NotDigits),
        ("9903051407850001", NikError::Province(99)),
        ("2203051407850001", NikError::Province(22)),
        ("1600051407850001", NikError::Region),
        ("1603001407850001", NikError::Region),
        ("1603053207850001", NikError::BirthDate),
        ("1603057207850001", NikError::BirthDate),
        ("1603051413850001", NikError::BirthDate),
        ("1603052902010001", NikError::BirthDate),
        ("1603050007850001", NikError::BirthDate),
        ("1603051407850000", NikError::Sequence),
    ];
    for (s, expected) in cases {
        let err = nik(s).unwrap_err();
        assert_eq!(err, expected, "{s}");
        assert!(!err.message(Lang::Id).is_empty() && !err.message(Lang::En).is_empty());
    }
}

#[test]
fn nip_and_nik_must_agree() {
    let n = nip("198507142010012003").unwrap();
    nik("1603055407850001")
        .unwrap()
        .check_agrees_with(&n)
        .unwrap();
    assert_eq!(
        nik("1603051407850001").unwrap().check_agrees_with(&n),
        Err(NipNikMismatch::Sex)
    );
    assert_eq!(
        nik("1603055507850001").unwrap().check_agrees_with(&n),
        Err(NipNikMismatch::BirthDate)
    );
    assert_eq!(
        nik("1603051507850001").unwrap().check_agrees_with(&n),
        Err(NipNikMismatch::BirthDateAndSex)
    );
    // Only the two year digits are compared: a NIK whose century guess differs still agrees.
    let old = nip("196012252000011001").unwrap();
    nik("1603052512600001")
        .unwrap()
        .check_agrees_with(&old)
        .unwrap();
}

#[test]
fn email_rules() {
    let policy = EmailPolicy::default();
    assert_eq!(
        validate_email(" Siti.Rahmawati@MuaraEnimKab.go.id ", &policy).unwrap(),
        "siti.rahmawati@muaraenimkab.go.id"
    );
    validate_email("budi_s+sertel@muaraenimkab.go.id", &policy).unwrap();
    let bad = [
        ("", EmailError::Empty),
        ("siti", EmailError::Syntax),
        ("@muaraenimkab.go.id", EmailError::Syntax),
        (".siti@muaraenimkab.go.id", EmailError::LocalPart),
        ("si..ti@muaraenimkab.go.id", EmailError::LocalPart),
        ("si ti@muaraenimkab.go.id", EmailError::LocalPart),
        ("\"siti\"@muaraenimkab.go.id", EmailError::LocalPart),
        (
            "siti@muaraenimkab",
            EmailError::Domain("muaraenimkab".into()),
        ),
        ("siti@-x.go.id", EmailError::Domain("-x.go.id".into())),
        ("siti@[10.0.0.1]", EmailError::Domain("[10.0.0.1]".into())),
    ];
    for (s, expected) in bad {
        assert_eq!(validate_email(s, &policy), Err(expected), "{s:?}");
    }
    let long = format!("{}@muaraenimkab.go.id", "a".repeat(65));
    assert_eq!(validate_email(&long, &policy), Err(EmailError::TooLong));
    let wrong = validate_email("siti@gmail.com", &policy).unwrap_err();
    assert_eq!(
        wrong,
        EmailError::WrongDomain {
            domain: "gmail.com".into(),
            required: "muaraenimkab.go.id".into()
        }
    );
    assert!(wrong.message(Lang::Id).contains("@muaraenimkab.go.id"));
    // Sub-domains: refused by default, accepted when the regency allows them; a look-alike
    // domain never.
    let sub = "siti@dinkes.muaraenimkab.go.id";
    assert!(matches!(
        validate_email(sub, &policy),
        Err(EmailError::WrongDomain { .. })
    ));
    let lenient = EmailPolicy {
        allow_subdomains: true,
        ..EmailPolicy::default()
    };
    validate_email(sub, &lenient).unwrap();
    assert!(matches!(
        validate_email("siti@evilmuaraenimkab.go.id", &lenient),
        Err(EmailError::WrongDomain { .. })
    ));
}

fn good_owner() -> OwnerProfile {
    OwnerProfile {
        full_name: "Siti Rahmawati, S.Kom.".into(),
        nip: "198507142010012003".into(),
        nik: Some("1603055407850001".into()),
        email: "siti.rahmawati@muaraenimkab.go.id".into(),
        title: "Pranata Komputer Ahli Muda".into(),
        unit: "Dinas Komunikasi dan Informatika".into(),
        rank: Some("Penata (III/c)".into()),
        phone: Some("0812-7345-6789".into()),
    }
}

#[test]
fn owner_profile_good() {
    let regency = RegencyProfile::default();
    regency.validate().unwrap();
    good_owner().validate_at(&regency, TODAY).unwrap();
    let mut o = good_owner();
    o.nik = None;
    o.rank = None;
    o.phone = Some("+62 812 7345 6789".into());
    o.validate_at(&regency, TODAY).unwrap();
}

#[test]
fn owner_profile_reports_every_problem() {
    let regency = RegencyProfile::default();
    let o = OwnerProfile {
        full_name: "".into(),
        nip: "198507142010013003".into(),
        nik: Some("9903055407850001".into()),
        email: "siti@gmail.com".into(),
        title: "x".repeat(65),
        unit: "Dinas\u{7}Kominfo".into(),
        rank: None,
        phone: Some("12345".into()),
    };
    let errors = o.validate_at(&regency, TODAY).unwrap_err();
    let fields: Vec<ProfileField> = errors.iter().map(ProfileError::field).collect();
    assert_eq!(
        fields,
        vec![
            ProfileField::FullName,
            ProfileField::Title,
            ProfileField::Unit,
            ProfileField::Nip,
            ProfileField::Nik,
            ProfileField::Email,
            ProfileField::Phone,
        ]
    );
    assert_eq!(errors[0].message(Lang::Id), "Nama lengkap wajib diisi.");
    assert_eq!(
        errors[1].message(Lang::En),
        "Position can have at most 64 characters."
    );
    assert_eq!(errors[3].kind(), "nip_sex");
    // A NIK that parses but belongs to someone else.
    let mut o = good_owner();
    o.nik = Some("1603051407850001".into());
    let errors = o.validate_at(&regency, TODAY).unwrap_err();
    assert_eq!(
        errors,
        vec![ProfileError::NipNikMismatch(NipNikMismatch::Sex)]
    );
}

#[test]
fn regency_profile_is_configurable() {
    let json = r#"{"organization":"Pemerintah Kabupaten Lahat","locality":"Lahat",
        "state":"Sumatera Selatan","country":"ID","email_domain":"lahatkab.go.id"}"#;
    let lahat: RegencyProfile = serde_json::from_str(json).unwrap();
    assert!(!lahat.allow_email_subdomains);
    lahat.validate().unwrap();
    let mut o = good_owner();
    o.email = "siti.rahmawati@lahatkab.go.id".into();
    o.validate_at(&lahat, TODAY).unwrap();
    assert!(o.validate_at(&RegencyProfile::default(), TODAY).is_err());
    let back: RegencyProfile =
        serde_json::from_str(&serde_json::to_string(&RegencyProfile::default()).unwrap()).unwrap();
    assert_eq!(back, RegencyProfile::default());
    let bad = RegencyProfile {
        country: "Indonesia".into(),
        ..RegencyProfile::default()
    };
    assert_eq!(
        bad.validate(),
        Err(vec![ProfileError::InvalidCharacters(ProfileField::Country)])
    );
}
