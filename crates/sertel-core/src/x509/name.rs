//! Distinguished names built from an ordered list of (attribute, value), each value in the string
//! type the standards expect: PrintableString for countryName and serialNumber, IA5String for
//! emailAddress, UTF8String for everything else (RFC 5280 §4.1.2.6).

use der::asn1::{Ia5StringRef, ObjectIdentifier, PrintableStringRef, SetOfVec, Utf8StringRef};
use der::Any;
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};

use crate::i18n::{Lang, Localized};

/// An attribute of a distinguished name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NameAttribute {
    /// commonName (CN): the full name.
    CommonName,
    /// serialNumber: the NIP.
    SerialNumber,
    /// countryName (C).
    Country,
    /// localityName (L).
    Locality,
    /// stateOrProvinceName (ST).
    State,
    /// organizationName (O).
    Organization,
    /// organizationalUnitName (OU): the work unit.
    OrganizationalUnit,
    /// title: the position (jabatan).
    Title,
    /// emailAddress (PKCS#9), kept for readers that look for the address in the subject.
    EmailAddress,
}

impl NameAttribute {
    /// The attribute's OID.
    pub fn oid(self) -> ObjectIdentifier {
        let s = match self {
            NameAttribute::CommonName => "2.5.4.3",
            NameAttribute::SerialNumber => "2.5.4.5",
            NameAttribute::Country => "2.5.4.6",
            NameAttribute::Locality => "2.5.4.7",
            NameAttribute::State => "2.5.4.8",
            NameAttribute::Organization => "2.5.4.10",
            NameAttribute::OrganizationalUnit => "2.5.4.11",
            NameAttribute::Title => "2.5.4.12",
            NameAttribute::EmailAddress => "1.2.840.113549.1.9.1",
        };
        ObjectIdentifier::new_unwrap(s)
    }

    /// The short name used in text forms (`CN`, `serialNumber`, …).
    pub fn short_name(self) -> &'static str {
        match self {
            NameAttribute::CommonName => "CN",
            NameAttribute::SerialNumber => "serialNumber",
            NameAttribute::Country => "C",
            NameAttribute::Locality => "L",
            NameAttribute::State => "ST",
            NameAttribute::Organization => "O",
            NameAttribute::OrganizationalUnit => "OU",
            NameAttribute::Title => "title",
            NameAttribute::EmailAddress => "emailAddress",
        }
    }

    /// The upper bound on the value's length in characters (RFC 5280 Appendix A).
    pub fn max_len(self) -> usize {
        match self {
            NameAttribute::Country => 2,
            NameAttribute::Locality | NameAttribute::State => 128,
            NameAttribute::EmailAddress => 255,
            _ => 64,
        }
    }
}

/// Why a name could not be built.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NameError {
    /// A value is empty.
    #[error("{} is empty", .0.short_name())]
    Empty(NameAttribute),
    /// A value is longer than the attribute allows.
    #[error("{} is longer than {} characters", .0.short_name(), .0.max_len())]
    TooLong(NameAttribute),
    /// A value has characters its string type cannot carry (PrintableString or IA5String).
    #[error("{} has characters its string type cannot carry", .0.short_name())]
    InvalidCharacters(NameAttribute),
}

impl Localized for NameError {
    fn kind(&self) -> &'static str {
        match self {
            NameError::Empty(_) => "name_value_empty",
            NameError::TooLong(_) => "name_value_too_long",
            NameError::InvalidCharacters(_) => "name_value_invalid_characters",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (NameError::Empty(a), Lang::Id) => format!("Nilai {} kosong.", a.short_name()),
            (NameError::Empty(a), Lang::En) => format!("The {} value is empty.", a.short_name()),
            (NameError::TooLong(a), Lang::Id) => {
                format!(
                    "Nilai {} lebih dari {} karakter.",
                    a.short_name(),
                    a.max_len()
                )
            }
            (NameError::TooLong(a), Lang::En) => {
                format!(
                    "The {} value is longer than {} characters.",
                    a.short_name(),
                    a.max_len()
                )
            }
            (NameError::InvalidCharacters(a), Lang::Id) => {
                format!(
                    "Nilai {} memuat karakter yang tidak diperbolehkan.",
                    a.short_name()
                )
            }
            (NameError::InvalidCharacters(a), Lang::En) => {
                format!(
                    "The {} value contains characters that are not allowed.",
                    a.short_name()
                )
            }
        }
    }
}

fn encode_value(attr: NameAttribute, value: &str) -> Result<Any, NameError> {
    let invalid = |_| NameError::InvalidCharacters(attr);
    match attr {
        NameAttribute::Country | NameAttribute::SerialNumber => {
            Any::encode_from(&PrintableStringRef::new(value).map_err(invalid)?).map_err(invalid)
        }
        NameAttribute::EmailAddress => {
            Any::encode_from(&Ia5StringRef::new(value).map_err(invalid)?).map_err(invalid)
        }
        _ => Any::encode_from(&Utf8StringRef::new(value).map_err(invalid)?).map_err(invalid),
    }
}

/// Builds a name with one attribute per RDN, in the order given (most significant first, as
/// conventional: C, ST, L, O, OU, …, CN).
pub fn build_name(attributes: &[(NameAttribute, &str)]) -> Result<Name, NameError> {
    let mut rdns = Vec::with_capacity(attributes.len());
    for &(attr, value) in attributes {
        let value = value.trim();
        if value.is_empty() {
            return Err(NameError::Empty(attr));
        }
        let len = value.chars().count();
        if len > attr.max_len() || (attr == NameAttribute::Country && len != 2) {
            return Err(NameError::TooLong(attr));
        }
        if value.chars().any(char::is_control) {
            return Err(NameError::InvalidCharacters(attr));
        }
        let atv = AttributeTypeAndValue {
            oid: attr.oid(),
            value: encode_value(attr, value)?,
        };
        let set = SetOfVec::try_from(vec![atv]).map_err(|_| NameError::InvalidCharacters(attr))?;
        rdns.push(RelativeDistinguishedName(set));
    }
    Ok(RdnSequence(rdns))
}
