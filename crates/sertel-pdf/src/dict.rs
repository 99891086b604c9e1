//! PDF dictionaries.

use crate::{Name, ObjRef, Object};

/// A PDF dictionary: an insertion-ordered list of `(key, value)` pairs with unique keys.
///
/// The parser rejects dictionaries with duplicate keys, so lookups are unambiguous. A value
/// of `null` is kept as [`Object::Null`] (the specification treats it as absent; the typed
/// helpers return `None` for it).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dict {
    entries: Vec<(Name, Object)>,
}

impl Dict {
    /// An empty dictionary.
    pub fn new() -> Self {
        Dict::default()
    }

    /// Builds a dictionary from pairs; a later pair replaces an earlier one with the same key.
    pub fn from_pairs<K: Into<Name>>(pairs: impl IntoIterator<Item = (K, Object)>) -> Self {
        let mut d = Dict::new();
        for (k, v) in pairs {
            d.set(k, v);
        }
        d
    }

    /// Appends without checking for duplicates (the parser checks once the dictionary is
    /// complete).
    pub(crate) fn push_unchecked(&mut self, key: Name, value: Object) {
        self.entries.push((key, value));
    }

    /// Whether any key occurs twice.
    pub(crate) fn has_duplicate_keys(&self) -> bool {
        if self.entries.len() < 16 {
            for (i, (k, _)) in self.entries.iter().enumerate() {
                if self.entries[..i].iter().any(|(k2, _)| k2 == k) {
                    return true;
                }
            }
            return false;
        }
        let mut keys: Vec<&[u8]> = self.entries.iter().map(|(k, _)| k.as_bytes()).collect();
        keys.sort_unstable();
        keys.windows(2).any(|w| w[0] == w[1])
    }

    /// Number of values in the dictionary, counted recursively through arrays and
    /// dictionaries (for memory accounting).
    pub(crate) fn element_count(&self) -> usize {
        let mut n = self.entries.len();
        let mut stack: Vec<&Object> = self.entries.iter().map(|(_, v)| v).collect();
        while let Some(o) = stack.pop() {
            match o {
                Object::Array(a) => {
                    n += a.len();
                    stack.extend(a.iter());
                }
                Object::Dictionary(d) => {
                    n += d.len();
                    stack.extend(d.iter().map(|(_, v)| v));
                }
                _ => {}
            }
        }
        n
    }

    /// The value for `key`, if present.
    pub fn get(&self, key: &[u8]) -> Option<&Object> {
        self.entries
            .iter()
            .find(|(k, _)| k.as_bytes() == key)
            .map(|(_, v)| v)
    }

    /// Mutable access to the value for `key`, if present.
    pub fn get_mut(&mut self, key: &[u8]) -> Option<&mut Object> {
        self.entries
            .iter_mut()
            .find(|(k, _)| k.as_bytes() == key)
            .map(|(_, v)| v)
    }

    /// Whether `key` is present (with any value, including `null`).
    pub fn contains_key(&self, key: &[u8]) -> bool {
        self.get(key).is_some()
    }

    /// Sets `key` to `value`: replaces the value in place if the key exists, appends otherwise.
    pub fn set(&mut self, key: impl Into<Name>, value: Object) {
        let key = key.into();
        match self.get_mut(key.as_bytes()) {
            Some(slot) => *slot = value,
            None => self.entries.push((key, value)),
        }
    }

    /// Removes `key`, returning its value; keeps the order of the other entries.
    pub fn remove(&mut self, key: &[u8]) -> Option<Object> {
        let i = self.entries.iter().position(|(k, _)| k.as_bytes() == key)?;
        Some(self.entries.remove(i).1)
    }

    /// The entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Name, &Object)> + '_ {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// Mutable access to the values, with their keys, in insertion order.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&Name, &mut Object)> + '_ {
        self.entries.iter_mut().map(|(k, v)| (&*k, v))
    }

    /// The keys in insertion order.
    pub fn keys(&self) -> impl Iterator<Item = &Name> + '_ {
        self.entries.iter().map(|(k, _)| k)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the dictionary has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The value for `key` if it is a name.
    pub fn get_name(&self, key: &[u8]) -> Option<&Name> {
        self.get(key).and_then(Object::as_name)
    }

    /// The value for `key` if it is an integer.
    pub fn get_int(&self, key: &[u8]) -> Option<i64> {
        self.get(key).and_then(Object::as_int)
    }

    /// The value for `key` if it is an indirect reference.
    pub fn get_ref(&self, key: &[u8]) -> Option<ObjRef> {
        self.get(key).and_then(Object::as_ref)
    }

    /// The value for `key` if it is a (direct) dictionary.
    pub fn get_dict(&self, key: &[u8]) -> Option<&Dict> {
        self.get(key).and_then(Object::as_dict)
    }

    /// The value for `key` if it is a (direct) array.
    pub fn get_array(&self, key: &[u8]) -> Option<&[Object]> {
        self.get(key).and_then(Object::as_array)
    }

    /// Whether `key` holds the name `value` (for example `has_name(b"Type", b"Page")`).
    pub fn has_name(&self, key: &[u8], value: &[u8]) -> bool {
        self.get_name(key).is_some_and(|n| n.as_bytes() == value)
    }
}

impl<'a> IntoIterator for &'a Dict {
    type Item = (&'a Name, &'a Object);
    type IntoIter = core::iter::Map<
        core::slice::Iter<'a, (Name, Object)>,
        fn(&'a (Name, Object)) -> (&'a Name, &'a Object),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl IntoIterator for Dict {
    type Item = (Name, Object);
    type IntoIter = std::vec::IntoIter<(Name, Object)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}
