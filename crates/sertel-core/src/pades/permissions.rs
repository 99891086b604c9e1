//! What a signature lets later revisions change: the certification level (DocMDP, written
//! as a `/Reference` of the signature and the catalog's `/Perms`) and the fields it locks
//! (FieldMDP, written as a `/Reference` of the signature and the field's `/Lock`).

use sertel_pdf::{Dict, Name, Object};

use super::options::Certification;
use crate::verify::changes::FieldLock;

fn name(n: &str) -> Object {
    Object::Name(Name::from(n))
}

/// The `/Action` and `/Fields` entries of a lock, added to `d`.
fn lock_entries(lock: &FieldLock, d: &mut Dict) {
    d.set(b"Action", name(lock.action()));
    if !lock.fields().is_empty() {
        d.set(
            b"Fields",
            Object::Array(
                lock.fields()
                    .iter()
                    .map(|f| Object::String(super::text::text_string(f)))
                    .collect(),
            ),
        );
    }
}

/// The field's `/Lock` dictionary.
pub fn lock_dictionary(lock: &FieldLock) -> Dict {
    let mut d = Dict::from_pairs([("Type", name("SigFieldLock"))]);
    lock_entries(lock, &mut d);
    d
}

fn reference(method: &str, params: Dict) -> Object {
    Object::Dictionary(Dict::from_pairs([
        ("Type", name("SigRef")),
        ("TransformMethod", name(method)),
        ("TransformParams", Object::Dictionary(params)),
    ]))
}

/// The signature dictionary's `/Reference` array, when the signature certifies or locks.
pub fn references(
    certification: Option<Certification>,
    lock: Option<&FieldLock>,
) -> Option<Object> {
    let mut refs = Vec::new();
    if let Some(c) = certification {
        refs.push(reference(
            "DocMDP",
            Dict::from_pairs([
                ("Type", name("TransformParams")),
                ("P", Object::Integer(c.level())),
                ("V", name("1.2")),
            ]),
        ));
    }
    if let Some(lock) = lock {
        let mut params = Dict::from_pairs([("Type", name("TransformParams"))]);
        lock_entries(lock, &mut params);
        params.set(b"V", name("1.2"));
        refs.push(reference("FieldMDP", params));
    }
    (!refs.is_empty()).then_some(Object::Array(refs))
}
