//! Laying the letter out on A4 as an Indonesian official letter: the letterhead (kop) with its
//! double rule, the centred title and number, the two numbered person blocks, the electronic
//! system and uses, the closing sentence, and the recommender's signature block on the right,
//! which never leaves the closing sentence behind on another page.

use super::date::long_date;
use super::form::{Official, RecommendationForm};
use super::sheet::{Sheet, BODY, INK, LEADING, LEFT, RIGHT};
use super::wording as w;
use crate::pades::text::win_ansi;
use crate::profile::RegencyProfile;
use crate::verify::pdf_report::page::{Font, Mark, Page};
use crate::verify::pdf_report::wrap::wrap;

/// The signature block's left edge.
const SIGN_X: f32 = LEFT + 255.0;
/// Room left for the handwritten signature and the seal.
const SIGNATURE_SPACE: f32 = 60.0;
/// Between the closing sentence and the place and date.
const CLOSING_GAP: f32 = 14.0;
/// The letterhead's agency line is set at the largest size from `AGENCY_MAX` down to
/// `AGENCY_MIN` that fits on one line (wrapped at the smallest when none does).
const AGENCY_MAX: f32 = 15.0;
const AGENCY_MIN: f32 = 12.0;

/// The letter's pages.
pub(super) fn compose(form: &RecommendationForm, regency: &RegencyProfile) -> Vec<Page> {
    let mut s = Sheet::new();
    letterhead(&mut s, form, regency);
    s.y -= 8.0;
    s.centred(Font::Bold, 11.5, 15.0, w::TITLE);
    s.centred(Font::Bold, 11.5, 15.0, w::AUTHORITY);
    let number = form
        .number
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let number = format!("Nomor: {}", number.unwrap_or("____________________"));
    s.centred(Font::Regular, BODY, LEADING, &number);
    s.y -= 10.0;
    s.paragraph(LEFT, Font::Regular, BODY, w::OPENING);
    s.y -= 2.0;
    person(&mut s, &form.recommender, regency, None);
    s.y -= 4.0;
    s.paragraph(LEFT, Font::Regular, BODY, w::RECOMMENDS);
    s.y -= 2.0;
    person(
        &mut s,
        &form.applicant,
        regency,
        Some(&form.applicant_phone),
    );
    s.y -= 4.0;
    s.paragraph(LEFT, Font::Regular, BODY, w::FOR_USE);
    s.y -= 2.0;
    s.row(Some("a"), w::SYSTEM, form.electronic_system.trim());
    s.row(Some("b"), w::USES, &w::uses_phrase(form.uses));
    s.y -= 6.0;
    let closing = wrap(w::CLOSING, Font::Regular, BODY, RIGHT - LEFT).len() as f32 * LEADING;
    s.need(closing + CLOSING_GAP + signature_height(form));
    s.paragraph(LEFT, Font::Regular, BODY, w::CLOSING);
    s.y -= CLOSING_GAP;
    signature(&mut s, form);
    s.pages
}

/// The government, the agency (one line when it fits), the address, the double rule.
fn letterhead(s: &mut Sheet, form: &RecommendationForm, regency: &RegencyProfile) {
    s.centred(Font::Bold, 13.0, 17.0, &regency.organization.to_uppercase());
    let agency = form.letterhead.agency.trim().to_uppercase();
    let size = agency_size(&agency);
    s.centred(Font::Bold, size, size + 3.0, &agency);
    if let Some(address) = form.letterhead.address.as_deref().map(str::trim) {
        if !address.is_empty() {
            s.centred(Font::Regular, 9.0, 12.0, address);
        }
    }
    let y = s.y + 6.0;
    s.rule(y, 2.0);
    s.rule(y - 3.0, 0.6);
    s.y -= 14.0;
}

/// The largest size, in half points, at which the agency's name fits one line.
fn agency_size(agency: &str) -> f32 {
    let text = win_ansi(agency);
    let mut size = AGENCY_MAX;
    while size > AGENCY_MIN && Font::Bold.width(&text, size) > RIGHT - LEFT {
        size -= 0.5;
    }
    size
}

/// One person block in the template's order; the applicant's (with `phone`) also names the
/// regency and the province under the Instansi.
fn person(s: &mut Sheet, p: &Official, regency: &RegencyProfile, phone: Option<&String>) {
    s.row(Some("1"), w::FULL_NAME, p.full_name.trim());
    s.row(Some("2"), w::NIP, &p.nip.replace(' ', ""));
    s.row(Some("3"), w::NIK, &p.nik.replace(' ', ""));
    s.row(Some("4"), w::RANK, p.rank.trim());
    s.row(Some("5"), w::TITLE_LABEL, p.title.trim());
    s.row(Some("6"), w::AGENCY, &regency.organization);
    if phone.is_some() {
        s.row(None, w::REGENCY, &regency.locality);
        s.row(None, w::PROVINCE, &regency.state);
    }
    s.row(Some("7"), w::UNIT, p.unit.trim());
    s.row(Some("8"), w::EMAIL, &p.email.trim().to_lowercase());
    if let Some(phone) = phone {
        s.row(Some("9"), w::PHONE, phone.trim());
    }
}

/// The recommender's position followed by a comma, wrapped to the signature block's width.
fn position_lines(form: &RecommendationForm) -> Vec<Vec<u8>> {
    let position = format!("{},", form.recommender.title.trim());
    wrap(&position, Font::Regular, BODY, RIGHT - SIGN_X)
}

/// The height of the signature block: place and date, position, the space, name, rank, NIP.
fn signature_height(form: &RecommendationForm) -> f32 {
    LEADING * (position_lines(form).len() as f32 + 4.0) + SIGNATURE_SPACE
}

/// Place and date, the recommender's position, room for the signature and seal, then the name
/// (bold, underlined), rank and NIP.
fn signature(s: &mut Sheet, form: &RecommendationForm) {
    let r = &form.recommender;
    s.need(signature_height(form));
    let place = format!("{}, {}", form.place.trim(), long_date(form.date));
    s.text_at(SIGN_X, Font::Regular, BODY, win_ansi(&place));
    s.y -= LEADING;
    for line in position_lines(form) {
        s.text_at(SIGN_X, Font::Regular, BODY, line);
        s.y -= LEADING;
    }
    s.y -= SIGNATURE_SPACE;
    let name = win_ansi(r.full_name.trim());
    let name_width = Font::Bold.width(&name, BODY);
    s.text_at(SIGN_X, Font::Bold, BODY, name);
    s.mark(Mark::Rule {
        x1: SIGN_X,
        x2: SIGN_X + name_width,
        y: s.y - 2.0,
        width: 0.7,
        color: INK,
    });
    s.y -= LEADING;
    s.text_at(SIGN_X, Font::Regular, BODY, win_ansi(r.rank.trim()));
    s.y -= LEADING;
    let nip = format!("NIP. {}", r.nip.replace(' ', ""));
    s.text_at(SIGN_X, Font::Regular, BODY, win_ansi(&nip));
    s.y -= LEADING;
}
