//! Distinguished names in a canonical form, so that two names compare as RFC 5280 §7.1 asks:
//! RDN by RDN in order, each RDN as a set of attributes, and text values (PrintableString,
//! UTF8String, TeletexString, BMPString, IA5String, VisibleString) matched
//! case-insensitively with insignificant spaces removed (leading and trailing spaces dropped,
//! inner runs folded to one), whatever string type each side uses. Other values compare by their
//! exact encoding.

use const_oid::ObjectIdentifier;
use der::{Any, Tag, Tagged};
use x509_cert::name::{Name, RelativeDistinguishedName};

/// `emailAddress` (PKCS #9), the legacy home of an e-mail address in a subject name.
pub(crate) const OID_EMAIL_ADDRESS: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.1");

/// One attribute value, prepared for comparison.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Value {
    /// A text value, case-folded and with insignificant spaces removed.
    Text(String),
    /// Any other value: its tag and content octets.
    Raw(u8, Vec<u8>),
}

/// A name in canonical form: two names are equal in the sense of RFC 5280 §7.1 exactly when
/// their canonical forms are equal.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct CanonName(Vec<Vec<(ObjectIdentifier, Value)>>);

fn decode_text(value: &Any) -> Option<String> {
    let bytes = value.value();
    match value.tag() {
        Tag::Utf8String | Tag::PrintableString | Tag::Ia5String | Tag::VisibleString => {
            std::str::from_utf8(bytes).ok().map(str::to_owned)
        }
        // T.61 in theory; Latin-1 in every certificate that uses it.
        Tag::TeletexString => Some(bytes.iter().map(|&b| char::from(b)).collect()),
        Tag::BmpString => {
            if bytes.len() % 2 != 0 {
                return None;
            }
            let units = bytes.chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]]));
            char::decode_utf16(units)
                .collect::<Result<String, _>>()
                .ok()
        }
        _ => None,
    }
}

/// Case-folds and removes insignificant spaces.
fn prepare(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

fn canon_value(value: &Any) -> Value {
    match decode_text(value) {
        Some(text) => Value::Text(prepare(&text)),
        None => Value::Raw(value.tag().octet(), value.value().to_vec()),
    }
}

fn canon_rdn(rdn: &RelativeDistinguishedName) -> Vec<(ObjectIdentifier, Value)> {
    let mut avas: Vec<_> = rdn
        .0
        .iter()
        .map(|ava| (ava.oid, canon_value(&ava.value)))
        .collect();
    avas.sort();
    avas
}

impl CanonName {
    /// The canonical form of `name`.
    pub(crate) fn new(name: &Name) -> CanonName {
        CanonName(name.0.iter().map(canon_rdn).collect())
    }

    /// Whether the name has no RDN.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `base` is this name or one of its ancestors in the directory tree (the test of a
    /// directoryName subtree, RFC 5280 §4.2.1.10).
    pub(crate) fn starts_with(&self, base: &CanonName) -> bool {
        self.0.starts_with(&base.0)
    }

    /// This name with one more RDN appended (a distribution point name relative to the CRL
    /// issuer, RFC 5280 §4.2.1.13).
    pub(crate) fn with_rdn(&self, rdn: &RelativeDistinguishedName) -> CanonName {
        let mut rdns = self.0.clone();
        rdns.push(canon_rdn(rdn));
        CanonName(rdns)
    }
}

/// The `emailAddress` values of `name`, as text.
pub(crate) fn email_addresses(name: &Name) -> Vec<String> {
    name.0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .filter(|ava| ava.oid == OID_EMAIL_ADDRESS)
        .filter_map(|ava| decode_text(&ava.value))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use der::Decode;

    fn name(s: &str) -> CanonName {
        let der = der::Encode::to_der(&s.parse::<Name>().expect("name")).expect("encode");
        CanonName::new(&Name::from_der(&der).expect("decode"))
    }

    #[test]
    fn case_and_spaces_do_not_matter() {
        assert_eq!(name("CN=Good  CA,O=Test"), name("CN= good ca ,O=TEST"));
        assert_ne!(name("CN=Good CA,O=Test"), name("CN=GoodCA,O=Test"));
    }

    #[test]
    fn rdn_order_matters_and_prefixes_are_ancestors() {
        assert_ne!(name("CN=A,O=B"), name("O=B,CN=A"));
        assert!(name("CN=A,O=B,C=US").starts_with(&name("O=B,C=US")));
        assert!(!name("CN=A,O=B,C=US").starts_with(&name("CN=A,O=B")));
    }

    #[test]
    fn text_decoders_agree() {
        let bmp = Any::new(Tag::BmpString, vec![0, b'A', 0, b'b']).expect("bmp");
        let t61 = Any::new(Tag::TeletexString, vec![b'A', b'B']).expect("t61");
        let v = [canon_value(&bmp), canon_value(&t61)];
        assert!(v.iter().all(|x| *x == Value::Text("ab".into())));
        let odd = Any::new(Tag::BmpString, vec![0]).expect("odd");
        assert_eq!(
            canon_value(&odd),
            Value::Raw(Tag::BmpString.octet(), vec![0])
        );
        let int = Any::new(Tag::Integer, vec![1]).expect("int");
        assert_eq!(canon_value(&int), Value::Raw(2, vec![1]));
    }
}
