//! New appearances must bring their own objects. An appearance stream that a later revision
//! points a widget or annotation at is shown in place of the signed one: if it were an object
//! of the signed revision (a page's content, another field's appearance), the update would
//! re-show signed material somewhere the signer never saw it; if it were the signed stream
//! rewritten in place, everything else showing it would change too (a shadow). So each stream
//! of a changed `/AP` must be new in this revision, or the very stream that stood at the same
//! place before. And an appearance dictionary of the signed revision that something else
//! also refers to may not be swapped out from under one of its users (pyHanko's rule too): the
//! other use shows the signed drawing, this one something else.

use sertel_pdf::{Dict, Document, ObjRef, Object, PdfError};

use super::rules::{as_dict, Pair};

/// The appearance kinds: normal, rollover, down.
const APPEARANCE_KEYS: [&[u8]; 3] = [b"N", b"R", b"D"];
/// How many states (a check box's `/Yes`, `/Off`, …) one appearance kind may have.
const MAX_STATES: usize = 64;
/// How many objects are searched for other references to a replaced appearance.
const MAX_REFERENCE_SCAN: usize = 200_000;

fn refers_to(o: &Object, target: ObjRef, depth: usize) -> bool {
    if depth > 64 {
        return true; // too deep to tell: assume shared (fail closed)
    }
    match o {
        Object::Reference(r) => *r == target,
        Object::Array(a) => a.iter().any(|x| refers_to(x, target, depth + 1)),
        Object::Dictionary(d) => d.iter().any(|(_, x)| refers_to(x, target, depth + 1)),
        Object::Stream(s) => s.dict.iter().any(|(_, x)| refers_to(x, target, depth + 1)),
        _ => false,
    }
}

/// Whether anything in `doc` other than object `owner` (the trailer included) refers to
/// `target`. Objects that cannot be read count as referring (fail closed).
fn referenced_elsewhere(doc: &Document, target: ObjRef, owner: ObjRef) -> Result<bool, PdfError> {
    if doc.trailer().iter().any(|(_, v)| refers_to(v, target, 0)) {
        return Ok(true);
    }
    for (i, r) in doc.objects().enumerate() {
        if i > MAX_REFERENCE_SCAN {
            return Ok(true);
        }
        if r == owner || r == target {
            continue;
        }
        match doc.get(r) {
            Ok(o) if refers_to(&o, target, 0) => return Ok(true),
            Ok(_) => {}
            Err(_) => return Ok(true),
        }
    }
    Ok(false)
}

impl Pair<'_> {
    fn resolved_dict(&self, new_side: bool, o: Option<&Object>) -> Result<Dict, PdfError> {
        let doc = if new_side { self.new } else { self.old };
        Ok(o.map(|o| doc.resolve(o))
            .transpose()?
            .and_then(as_dict)
            .unwrap_or_default())
    }

    /// Whether the stream reference `new` at some place of an appearance is acceptable,
    /// `old` being what stood there when signed.
    fn fresh_stream(&self, old: Option<&Object>, new: &Object) -> bool {
        match new {
            Object::Reference(r) => old == Some(new) || self.is_new(*r),
            _ => false,
        }
    }

    /// Why the appearance dictionary `new` (a `/AP` entry of `owner`, `old` being the signed
    /// one) does not bring its own objects, if it does not. An appearance removed is no
    /// problem (the viewer draws the field from its value).
    pub(super) fn appearance_problem(
        &self,
        owner: ObjRef,
        old: Option<&Object>,
        new: Option<&Object>,
    ) -> Result<Option<String>, PdfError> {
        if let Some(Object::Reference(shared)) = old {
            if old != new && referenced_elsewhere(self.old, *shared, owner)? {
                return Ok(Some(format!(
                    "the replaced appearance dictionary {shared} is used elsewhere too"
                )));
            }
        }
        let Some(new) = new else {
            return Ok(None);
        };
        if let Object::Reference(r) = new {
            if old == Some(new) {
                // The same dictionary: a rewrite of it is itself a redefined object, judged
                // on its own (and refused: it has no role).
                return Ok(None);
            }
            if !self.is_new(*r) {
                return Ok(Some(format!(
                    "appearance dictionary {r} belongs to the signed revision"
                )));
            }
        }
        let new_ap = self.resolved_dict(true, Some(new))?;
        let old_ap = self.resolved_dict(false, old)?;
        for key in APPEARANCE_KEYS {
            let Some(entry) = new_ap.get(key) else {
                continue;
            };
            let before = old_ap.get(key);
            match entry {
                Object::Reference(_) => {
                    if !self.fresh_stream(before, entry) {
                        return Ok(Some(format!(
                            "/AP /{} {entry:?}",
                            String::from_utf8_lossy(key)
                        )));
                    }
                }
                Object::Dictionary(states) => {
                    let old_states = match before {
                        Some(Object::Dictionary(d)) => d.clone(),
                        _ => Dict::new(),
                    };
                    if states.iter().count() > MAX_STATES {
                        return Ok(Some("too many appearance states".into()));
                    }
                    for (state, stream) in states.iter() {
                        if !self.fresh_stream(old_states.get(&state.0), stream) {
                            return Ok(Some(format!(
                                "/AP /{} /{} {stream:?}",
                                String::from_utf8_lossy(key),
                                String::from_utf8_lossy(&state.0)
                            )));
                        }
                    }
                }
                other => return Ok(Some(format!("/AP entry {other:?}"))),
            }
        }
        Ok(None)
    }
}
