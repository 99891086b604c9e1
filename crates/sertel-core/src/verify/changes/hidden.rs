//! Hidden objects: a reference in the signed revision to an object that revision does not
//! define reads as `null` — nothing is shown — until a later revision defines it. Such a
//! definition changes what signed objects show without redefining any of them (the "hide"
//! variant of the shadow attacks, Mainka et al., NDSS 2021), so every object a revision brings
//! is checked against the references of the revision before it. References are matched by
//! object number alone: many viewers ignore a generation that does not match, so `4 0 R`
//! shows an object a later revision defines as `4 2 obj`.

use std::collections::HashSet;

use sertel_pdf::{Document, ObjRef, Object, PdfError};

use super::report::{Changes, Violation};

/// How many objects of the earlier revision are searched for references.
const MAX_SCANNED: usize = 1_000_000;
/// How deep a value is searched for references.
const MAX_DEPTH: usize = 64;

fn collect(
    o: &Object,
    wanted: &HashSet<u32>,
    found: &mut Vec<ObjRef>,
    depth: usize,
) -> Result<(), PdfError> {
    if depth > MAX_DEPTH {
        return Err(PdfError::Unsupported(
            "objects nested too deep to search".into(),
        ));
    }
    match o {
        Object::Reference(r) if wanted.contains(&r.num) && !found.contains(r) => found.push(*r),
        Object::Array(a) => {
            for x in a {
                collect(x, wanted, found, depth + 1)?;
            }
        }
        Object::Dictionary(d) => {
            for (_, x) in d.iter() {
                collect(x, wanted, found, depth + 1)?;
            }
        }
        Object::Stream(s) => {
            for (_, x) in s.dict.iter() {
                collect(x, wanted, found, depth + 1)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// Reports every object of `fresh` (those the new revision brings) that the trailer or an
/// object of `old` refers to. Unreadable objects of `old` refer to nothing (they are
/// redefinitions judged elsewhere if touched).
pub fn check(old: &Document, fresh: &HashSet<ObjRef>, out: &mut Changes) -> Result<(), PdfError> {
    if fresh.is_empty() {
        return Ok(());
    }
    let fresh: HashSet<u32> = fresh.iter().map(|r| r.num).collect();
    let fresh = &fresh;
    let mut found = Vec::new();
    for (_, v) in old.trailer().iter() {
        collect(v, fresh, &mut found, 0)?;
    }
    for (i, r) in old.objects().enumerate() {
        if i >= MAX_SCANNED {
            return Err(PdfError::Unsupported(
                "too many objects to search for hidden references".into(),
            ));
        }
        if let Ok(o) = old.get(r) {
            collect(&o, fresh, &mut found, 0)?;
        }
    }
    found.sort_by_key(|r| (r.num, r.gen));
    for r in found {
        out.violations
            .push(Violation::HiddenObjectDefined(format!("{r}")));
    }
    Ok(())
}
