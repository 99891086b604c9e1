//! Lays the whole letter out so that it fills exactly the pages asked for, and numbers them.

use super::layout::{Flow, Mark};
use super::metrics::Face;
use super::parts::{self, Style, INDENT};
use super::spec::LetterSpec;
use super::wording as w;

/// Margins in points: top, right, bottom, left (left is wider, for binding).
const MARGINS: [f32; 4] = [42.0, 57.0, 72.0, 85.0];
/// Tried in order until one fits the pages asked for; short pages (A4 landscape) need the
/// last.
const STYLES: [Style; 3] = [
    Style {
        size: 12.0,
        leading: 17.0,
        signature_space: 66.0,
        full: true,
    },
    Style {
        size: 11.0,
        leading: 14.0,
        signature_space: 50.0,
        full: true,
    },
    Style {
        size: 11.0,
        leading: 14.0,
        signature_space: 48.0,
        full: false,
    },
];

/// Lays out the letter with as many numbered points as fit in `spec.pages` pages
/// (at least one point), and returns what each page shows.
pub(crate) fn pages(spec: &LetterSpec) -> Vec<Vec<Mark>> {
    let target = spec.pages.max(1);
    let fitting = |st: &Style| compose(spec, st, usize::from(st.full)).pages.len() <= target;
    let style = STYLES.iter().find(|st| fitting(st)).unwrap_or(&STYLES[2]);
    if !style.full {
        let mut flow = compose(spec, style, 0);
        number_pages(&mut flow);
        return flow.pages;
    }
    let fits = |points: usize| compose(spec, style, points).pages.len() <= target;
    // Page count grows by at most one per point, so the largest fitting count fills
    // exactly `target` pages whenever one point fits at all.
    let mut high = 1;
    while fits(high) {
        high *= 2;
    }
    let mut low = high / 2;
    // Invariant: fits(low) (or low == 0), !fits(high).
    while high - low > 1 {
        let mid = (low + high) / 2;
        if fits(mid) {
            low = mid;
        } else {
            high = mid;
        }
    }
    let mut flow = compose(spec, style, low.max(1));
    number_pages(&mut flow);
    flow.pages
}

fn compose(spec: &LetterSpec, st: &Style, points: usize) -> Flow {
    let (width, height) = spec.size.points();
    let mut flow = Flow::new(width, height, MARGINS);
    parts::letterhead(&mut flow);
    parts::particulars(&mut flow, st, spec);
    parts::paragraph(&mut flow, st, w::OPENING);
    if st.full {
        for (label, value) in w::AGENDA {
            parts::labelled(&mut flow, st, INDENT, 90.0, label, value);
        }
        flow.skip(6.0);
        parts::paragraph(&mut flow, st, w::POINTS_INTRO);
        for n in 0..points {
            parts::numbered(&mut flow, st, n + 1, w::POINTS[n % w::POINTS.len()]);
        }
        flow.skip(4.0);
    }
    parts::paragraph(&mut flow, st, w::CLOSING);
    parts::signature_block(&mut flow, st, spec);
    if st.full {
        parts::copies(&mut flow);
    }
    flow
}
fn number_pages(flow: &mut Flow) {
    let count = flow.pages.len();
    for (i, page) in flow.pages.iter_mut().enumerate() {
        let text = w::page_number(i + 1, count);
        let size = 10.0;
        let x = (flow.width - Face::Times.width(&text, size)) / 2.0;
        page.push(Mark::Text {
            x,
            y: 36.0,
            face: Face::Times,
            size,
            word_spacing: 0.0,
            text,
        });
    }
}
