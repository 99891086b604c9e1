//! The PDF object model.

use crate::{Dict, Name, ObjRef, PdfString, Stream};

/// Any PDF object.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Object {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Boolean(bool),
    /// An integer.
    Integer(i64),
    /// A real number.
    Real(f64),
    /// A string (literal or hex).
    String(PdfString),
    /// A name.
    Name(Name),
    /// An array.
    Array(Vec<Object>),
    /// A dictionary.
    Dictionary(Dict),
    /// A stream (only ever an indirect object's top-level value).
    Stream(Stream),
    /// An indirect reference `N G R`.
    Reference(ObjRef),
}

impl Object {
    /// A name object from raw bytes.
    pub fn name(bytes: impl AsRef<[u8]>) -> Object {
        Object::Name(Name::new(bytes))
    }

    /// A literal string object.
    pub fn string(bytes: impl Into<Vec<u8>>) -> Object {
        Object::String(PdfString::literal(bytes))
    }

    /// A hexadecimal string object.
    pub fn hex_string(bytes: impl Into<Vec<u8>>) -> Object {
        Object::String(PdfString::hex(bytes))
    }

    /// A short name of the object's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Object::Null => "null",
            Object::Boolean(_) => "boolean",
            Object::Integer(_) => "integer",
            Object::Real(_) => "real",
            Object::String(_) => "string",
            Object::Name(_) => "name",
            Object::Array(_) => "array",
            Object::Dictionary(_) => "dictionary",
            Object::Stream(_) => "stream",
            Object::Reference(_) => "reference",
        }
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Object::Null)
    }

    /// The boolean value.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Object::Boolean(b) => Some(*b),
            _ => None,
        }
    }

    /// The integer value.
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Object::Integer(i) => Some(*i),
            _ => None,
        }
    }

    /// The numeric value of an integer or a real.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Object::Integer(i) => Some(*i as f64),
            Object::Real(r) => Some(*r),
            _ => None,
        }
    }

    /// The string.
    pub fn as_string(&self) -> Option<&PdfString> {
        match self {
            Object::String(s) => Some(s),
            _ => None,
        }
    }

    /// The name.
    pub fn as_name(&self) -> Option<&Name> {
        match self {
            Object::Name(n) => Some(n),
            _ => None,
        }
    }

    /// The array's elements.
    pub fn as_array(&self) -> Option<&[Object]> {
        match self {
            Object::Array(a) => Some(a),
            _ => None,
        }
    }

    /// Mutable access to the array.
    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Object>> {
        match self {
            Object::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The dictionary (of a `Dictionary` only; see [`Object::as_dict_or_stream_dict`]).
    pub fn as_dict(&self) -> Option<&Dict> {
        match self {
            Object::Dictionary(d) => Some(d),
            _ => None,
        }
    }

    /// Mutable access to the dictionary.
    pub fn as_dict_mut(&mut self) -> Option<&mut Dict> {
        match self {
            Object::Dictionary(d) => Some(d),
            _ => None,
        }
    }

    /// The dictionary of a `Dictionary`, or the stream dictionary of a `Stream`.
    pub fn as_dict_or_stream_dict(&self) -> Option<&Dict> {
        match self {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        }
    }

    /// The stream.
    pub fn as_stream(&self) -> Option<&Stream> {
        match self {
            Object::Stream(s) => Some(s),
            _ => None,
        }
    }

    /// The reference.
    pub fn as_ref(&self) -> Option<ObjRef> {
        match self {
            Object::Reference(r) => Some(*r),
            _ => None,
        }
    }

    /// Consumes the object, returning its dictionary.
    pub fn into_dict(self) -> Option<Dict> {
        match self {
            Object::Dictionary(d) => Some(d),
            _ => None,
        }
    }

    /// Consumes the object, returning its array.
    pub fn into_array(self) -> Option<Vec<Object>> {
        match self {
            Object::Array(a) => Some(a),
            _ => None,
        }
    }

    /// Consumes the object, returning its stream.
    pub fn into_stream(self) -> Option<Stream> {
        match self {
            Object::Stream(s) => Some(s),
            _ => None,
        }
    }
}

impl From<bool> for Object {
    fn from(v: bool) -> Self {
        Object::Boolean(v)
    }
}

impl From<i64> for Object {
    fn from(v: i64) -> Self {
        Object::Integer(v)
    }
}

impl From<i32> for Object {
    fn from(v: i32) -> Self {
        Object::Integer(i64::from(v))
    }
}

impl From<u32> for Object {
    fn from(v: u32) -> Self {
        Object::Integer(i64::from(v))
    }
}

impl From<f64> for Object {
    fn from(v: f64) -> Self {
        Object::Real(v)
    }
}

impl From<Name> for Object {
    fn from(v: Name) -> Self {
        Object::Name(v)
    }
}

impl From<PdfString> for Object {
    fn from(v: PdfString) -> Self {
        Object::String(v)
    }
}

impl From<Vec<Object>> for Object {
    fn from(v: Vec<Object>) -> Self {
        Object::Array(v)
    }
}

impl From<Dict> for Object {
    fn from(v: Dict) -> Self {
        Object::Dictionary(v)
    }
}

impl From<Stream> for Object {
    fn from(v: Stream) -> Self {
        Object::Stream(v)
    }
}

impl From<ObjRef> for Object {
    fn from(v: ObjRef) -> Self {
        Object::Reference(v)
    }
}
