//! Field locks (FieldMDP, ISO 32000-1 §12.8.2.4): the form fields a signature forbids later
//! revisions to change. A signature names them in its `/Reference` array with the
//! `/FieldMDP` transform (copied there from its field's `/Lock` when it was signed).

use serde::{Deserialize, Serialize};
use sertel_pdf::{Dict, Document, Object, PdfError};

/// How many field names a lock may list before it is taken as hostile.
const MAX_LOCKED_NAMES: usize = 10_000;

/// Which fields a signature locks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "action", content = "fields")]
pub enum FieldLock {
    /// `/Action /All`: every field.
    All,
    /// `/Action /Include`: the fields named (fully qualified), and their descendants.
    Include(Vec<String>),
    /// `/Action /Exclude`: every field except those named (and their descendants).
    Exclude(Vec<String>),
}

fn names_cover(names: &[String], field: &str) -> bool {
    names.iter().any(|n| {
        field == n
            || field
                .strip_prefix(n.as_str())
                .is_some_and(|rest| rest.starts_with('.'))
    })
}

impl FieldLock {
    /// Whether the field with fully qualified name `field` is locked.
    pub fn covers(&self, field: &str) -> bool {
        match self {
            FieldLock::All => true,
            FieldLock::Include(names) => names_cover(names, field),
            FieldLock::Exclude(names) => !names_cover(names, field),
        }
    }

    /// The `/Action` name.
    pub fn action(&self) -> &'static str {
        match self {
            FieldLock::All => "All",
            FieldLock::Include(_) => "Include",
            FieldLock::Exclude(_) => "Exclude",
        }
    }

    /// The field names listed (none for `All`).
    pub fn fields(&self) -> &[String] {
        match self {
            FieldLock::All => &[],
            FieldLock::Include(n) | FieldLock::Exclude(n) => n,
        }
    }

    /// Reads a lock from a `/TransformParams` or `/Lock` dictionary. An unknown action or a
    /// malformed list locks every field (fail closed).
    pub fn from_params(doc: &Document, params: &Dict) -> Result<FieldLock, PdfError> {
        let names = || -> Result<Option<Vec<String>>, PdfError> {
            let Some(Object::Array(items)) =
                params.get(b"Fields").map(|f| doc.resolve(f)).transpose()?
            else {
                return Ok(None);
            };
            if items.len() > MAX_LOCKED_NAMES {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(items.len());
            for item in &items {
                match doc.resolve(item)? {
                    Object::String(s) => out.push(crate::verify::fields::text_string(&s.bytes)),
                    _ => return Ok(None),
                }
            }
            Ok(Some(out))
        };
        Ok(match params.get(b"Action") {
            Some(Object::Name(n)) if n.0 == b"Include" => {
                names()?.map_or(FieldLock::All, FieldLock::Include)
            }
            Some(Object::Name(n)) if n.0 == b"Exclude" => {
                names()?.map_or(FieldLock::All, FieldLock::Exclude)
            }
            _ => FieldLock::All,
        })
    }
}

/// The locks a signature dictionary declares through `/Reference` entries with
/// `/TransformMethod /FieldMDP`.
pub fn signature_locks(doc: &Document, signature: &Dict) -> Result<Vec<FieldLock>, PdfError> {
    let refs = match signature
        .get(b"Reference")
        .map(|o| doc.resolve(o))
        .transpose()?
    {
        Some(Object::Array(a)) => a,
        _ => return Ok(Vec::new()),
    };
    let mut out = Vec::new();
    for r in refs.iter().take(16) {
        let Object::Dictionary(r) = doc.resolve(r)? else {
            continue;
        };
        if !r.has_name(b"TransformMethod", b"FieldMDP") {
            continue;
        }
        let params = match r
            .get(b"TransformParams")
            .map(|p| doc.resolve(p))
            .transpose()?
        {
            Some(Object::Dictionary(p)) => p,
            _ => Dict::new(),
        };
        out.push(FieldLock::from_params(doc, &params)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn include_covers_descendants_not_prefixes() {
        let lock = FieldLock::Include(vec!["nomor".into()]);
        assert!(lock.covers("nomor"));
        assert!(lock.covers("nomor.tahun"));
        assert!(!lock.covers("nomorsurat"));
        let open = FieldLock::Exclude(vec!["catatan".into()]);
        assert!(!open.covers("catatan"));
        assert!(open.covers("nomor"));
        assert!(FieldLock::All.covers("anything"));
    }
}
