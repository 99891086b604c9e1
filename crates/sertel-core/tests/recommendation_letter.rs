//! The recommendation letter (Lampiran of Perbup Muara Enim 2/2025): a valid form gives a PDF
//! that qpdf finds clean and whose text holds the template's sentences and the values filled
//! in; an invalid form gives one problem per field, in Indonesian and English.

#![allow(clippy::unwrap_used, missing_docs)]

use std::collections::BTreeSet;

use sertel_core::i18n::{Lang, Localized};
use sertel_core::profile::RegencyProfile;
use sertel_core::recommendation::{
    render, render_unchecked, wording, Block, LetterError, LetterField, Letterhead, Official,
    RecommendationForm, Uses,
};
use test_support::judges::{pdfinfo, pdftotext, qpdf_check};
use time::macros::date;

fn form() -> RecommendationForm {
    RecommendationForm {
        letterhead: Letterhead {
            agency: "Dinas Komunikasi, Informatika, Statistik dan Persandian".into(),
            address: Some(
                "Jalan Jenderal Sudirman No. 1, Muara Enim 31311 \u{b7} diskominfo@muaraenimkab.go.id"
                    .into(),
            ),
        },
        number: Some("800/123/Diskominfo/2025".into()),
        recommender: Official {
            full_name: "Drs. Ahmad Fauzi, M.Si.".into(),
            nip: "197203151998031004".into(),
            nik: "1603011503720003".into(),
            rank: "Pembina Utama Muda (IV/c)".into(),
            title: "Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian".into(),
            unit: "Dinas Komunikasi, Informatika, Statistik dan Persandian".into(),
            email: "ahmad.fauzi@muaraenimkab.go.id".into(),
        },
        applicant: Official {
            full_name: "Siti Rahmawati, S.Kom.".into(),
            nip: "198507142010012003".into(),
            nik: "1603015407850001".into(),
            rank: "Penata (III/c)".into(),
            title: "Pranata Komputer Ahli Muda".into(),
            unit: "Bidang Persandian dan Keamanan Informasi".into(),
            email: "siti.rahmawati@muaraenimkab.go.id".into(),
        },
        applicant_phone: "0812 7345 6789".into(),
        electronic_system: "SRIKANDI (Sistem Informasi Kearsipan Dinamis Terintegrasi)".into(),
        uses: Uses::default(),
        place: "Muara Enim".into(),
        date: date!(2025 - 03 - 12),
    }
}

/// `text` with every run of whitespace (line breaks included) made one space.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn regency() -> RegencyProfile {
    RegencyProfile::default()
}

#[test]
fn the_letter_follows_the_template_and_qpdf_finds_it_clean() {
    let pdf = render(&form(), &regency()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("surat-rekomendasi.pdf");
    std::fs::write(&path, &pdf).unwrap();

    let check = qpdf_check(&path);
    assert!(check.ok, "{}", check.output);
    let info = pdfinfo(&path);
    assert_eq!(info.get("Pages").map(String::as_str), Some("1"));
    assert!(
        info.get("Page size")
            .is_some_and(|s| s.contains("595.28 x 841.89")),
        "{info:?}"
    );
    assert_eq!(
        info.get("Title").map(String::as_str),
        Some("Surat Rekomendasi Permohonan Penerbitan Sertifikat Elektronik")
    );

    let text = pdftotext(&path);
    for fixed in [
        wording::TITLE,
        wording::AUTHORITY,
        wording::OPENING,
        wording::RECOMMENDS,
        wording::CLOSING,
        "PEMERINTAH KABUPATEN MUARA ENIM",
        "Instansi : Pemerintah Kabupaten Muara Enim",
        "Kabupaten : Muara Enim",
        "Provinsi : Sumatera Selatan",
    ] {
        assert!(
            text.contains(fixed),
            "missing {fixed:?} in:\n{}",
            text.all()
        );
    }
    // Sentences that wrap: compared with the text run together, whitespace squeezed.
    let flowing = squeeze(&text.all());
    for sentence in [
        wording::FOR_USE,
        "b. Kegunaan : Tanda Tangan Elektronik, pengamanan dokumen elektronik dan/atau \
         pengamanan surat elektronik.",
    ] {
        assert!(
            flowing.contains(&squeeze(sentence)),
            "missing {sentence:?} in:\n{}",
            text.all()
        );
    }
    let f = form();
    for filled in [
        "Nomor: 800/123/Diskominfo/2025",
        "1. Nama Lengkap : Drs. Ahmad Fauzi, M.Si.",
        "2. NIP : 197203151998031004",
        "3. NIK e-KTP : 1603011503720003",
        "4. Pangkat/Golongan : Pembina Utama Muda (IV/c)",
        "8. Email Individu : ahmad.fauzi@muaraenimkab.go.id",
        "1. Nama Lengkap : Siti Rahmawati, S.Kom.",
        "2. NIP : 198507142010012003",
        "7. Unit Kerja : Bidang Persandian dan Keamanan Informasi",
        "8. Email Individu : siti.rahmawati@muaraenimkab.go.id",
        "9. No. Telp. (HP) : 0812 7345 6789",
        "a. Sistem Elektronik : SRIKANDI (Sistem Informasi Kearsipan Dinamis Terintegrasi)",
        "Muara Enim, 12 Maret 2025",
        "NIP. 197203151998031004",
        &f.letterhead.agency.to_uppercase(),
    ] {
        assert!(
            text.contains(filled),
            "missing {filled:?} in:\n{}",
            text.all()
        );
    }
    // The signature block ends the letter: name, rank, NIP of the recommender.
    let all = text.all();
    let tail: Vec<&str> = all
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        tail[tail.len() - 3..],
        [
            "Drs. Ahmad Fauzi, M.Si.",
            "Pembina Utama Muda (IV/c)",
            "NIP. 197203151998031004"
        ]
    );

    if let Ok(out) = std::env::var("SERTEL_LETTER_OUT") {
        std::fs::write(out, &pdf).unwrap();
    }
}

#[test]
fn the_same_form_gives_the_same_bytes_and_a_blank_number_stays_blank() {
    assert_eq!(
        render(&form(), &regency()).unwrap(),
        render(&form(), &regency()).unwrap()
    );
    let mut f = form();
    f.number = None;
    f.uses = Uses {
        signature: true,
        document_protection: false,
        email_protection: false,
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("surat.pdf");
    std::fs::write(&path, render(&f, &regency()).unwrap()).unwrap();
    let text = pdftotext(&path);
    assert!(text.contains("Nomor: ____"), "{}", text.all());
    assert!(
        text.contains("b. Kegunaan : Tanda Tangan Elektronik."),
        "{}",
        text.all()
    );
    assert!(!text.contains("dan/atau"));
}

#[test]
fn invalid_input_gives_one_problem_per_field_in_both_languages() {
    let mut f = form();
    f.recommender.nip = "19720315199803100".into(); // 17 digits
    f.applicant.nik = "1603015407850001".replace("54", "14"); // says male, the NIP says female
    f.applicant.email = "siti@gmail.com".into();
    f.applicant.rank = " ".into();
    f.applicant_phone = "12345".into();
    f.electronic_system = String::new();
    f.uses = Uses {
        signature: false,
        document_protection: false,
        email_protection: false,
    };
    f.place = "Muara Enim".into();
    f.date = date!(2099 - 01 - 01);
    f.letterhead.agency = "Dinas 王".into();
    let errors = f
        .validate_at(&regency(), date!(2025 - 03 - 12))
        .unwrap_err();
    let keys: BTreeSet<String> = errors.iter().map(|e| e.field().key()).collect();
    let want: BTreeSet<String> = [
        "recommender.nip",
        "applicant.nik",
        "applicant.email",
        "applicant.rank",
        "applicant.phone",
        "electronic_system",
        "uses",
        "date",
        "letterhead.agency",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(keys, want, "{errors:#?}");
    for e in &errors {
        let (id, en) = (e.message(Lang::Id), e.message(Lang::En));
        assert!(!id.is_empty() && !en.is_empty() && id != en, "{id} / {en}");
        assert!(!e.kind().is_empty());
    }
    let nip = errors
        .iter()
        .find(|e| {
            e.field()
                == LetterField::Person(Block::Recommender, sertel_core::profile::ProfileField::Nip)
        })
        .unwrap();
    assert!(
        nip.message(Lang::Id).starts_with("Pemberi rekomendasi: "),
        "{}",
        nip.message(Lang::Id)
    );
    assert!(nip.message(Lang::Id).contains("18"));
    // render refuses what validate refuses; the unchecked preview still draws.
    assert!(render(&f, &regency()).is_err());
    assert!(render_unchecked(&f, &regency()).starts_with(b"%PDF-"));
}

#[test]
fn recommending_oneself_is_refused() {
    let mut f = form();
    f.recommender = f.applicant.clone();
    let errors = f
        .validate_at(&regency(), date!(2025 - 03 - 12))
        .unwrap_err();
    assert_eq!(errors, [LetterError::SamePerson]);
    assert_eq!(errors[0].field().key(), "applicant.nip");
}

#[test]
fn a_letter_too_long_for_one_page_keeps_the_closing_with_the_signature() {
    // Every free-text field at the longest the form accepts.
    let long = |stem: &str, n: usize| {
        let mut s = String::new();
        while s.chars().count() < n {
            s.push_str(stem);
            s.push(' ');
        }
        s.chars().take(n).collect::<String>().trim_end().to_owned()
    };
    let mut f = form();
    f.letterhead.agency = long("Dinas Komunikasi Informatika Statistik Persandian", 120);
    f.letterhead.address = Some(long("Jalan Jenderal Sudirman Nomor Satu Muara Enim", 160));
    for p in [&mut f.recommender, &mut f.applicant] {
        p.title = long("Kepala Bidang Persandian", 64);
        p.unit = long("Bidang Persandian dan Keamanan Informasi", 64);
        p.rank = long("Pembina Utama Muda IV/c", 64);
    }
    f.electronic_system = long("Sistem Informasi Kearsipan Dinamis Terintegrasi", 120);
    f.validate_at(&regency(), date!(2025 - 03 - 12)).unwrap();
    let pdf = render(&f, &regency()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("panjang.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let check = qpdf_check(&path);
    assert!(check.ok, "{}", check.output);
    let text = pdftotext(&path);
    assert!(text.pages.len() >= 2, "one page:\n{}", text.all());
    let last = squeeze(text.pages.last().unwrap());
    for kept in [
        wording::CLOSING,
        "Muara Enim, 12 Maret 2025",
        "NIP. 197203151998031004",
    ] {
        assert!(
            last.contains(kept),
            "{kept:?} not on the last page:\n{}",
            text.all()
        );
    }
    let before: String = text.pages[..text.pages.len() - 1].join("\n");
    assert!(
        !squeeze(&before).contains(wording::CLOSING),
        "{}",
        text.all()
    );
}
