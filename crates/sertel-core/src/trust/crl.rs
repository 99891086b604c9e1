//! Certificate revocation lists (RFC 5280 §5): decoding with size and entry limits, and what
//! revocation checking needs from them.

use std::sync::Arc;

use const_oid::db::rfc5280 as oid;
use der::asn1::{AnyRef, IntRef};
use der::{Decode, Reader, SliceReader, Tag, TagNumber, Tagged};
use sha2::{Digest, Sha256};
use x509_cert::ext::pkix::crl::dp::IssuingDistributionPoint;
use x509_cert::ext::pkix::name::{GeneralName, GeneralNames};
use x509_cert::ext::pkix::AuthorityKeyIdentifier;
use x509_cert::ext::Extension;
use x509_cert::name::Name;

use super::error::CrlError;
use super::name::CanonName;
use super::signed::{split_signed, Signed};
use super::time::{parse_time, Seconds};

/// One revoked certificate.
#[derive(Clone, Debug)]
pub(crate) struct CrlEntry {
    /// The serial number's content octets.
    pub serial: Vec<u8>,
    /// revocationDate.
    pub revoked_at: Seconds,
    /// The reasonCode, if present and readable.
    pub reason: Option<u32>,
    /// Index in [`Crl::entry_issuers`] of the certificate issuer (indirect CRLs), or `None`
    /// for the CRL issuer.
    pub issuer: Option<usize>,
}

/// A decoded CRL.
#[derive(Debug)]
pub(crate) struct Crl {
    pub der: Vec<u8>,
    pub signed: Signed,
    pub issuer_canon: CanonName,
    pub this_update: Seconds,
    pub next_update: Option<Seconds>,
    pub entries: Vec<CrlEntry>,
    /// The directory names of each certificateIssuer entry extension met.
    pub entry_issuers: Vec<Vec<CanonName>>,
    pub idp: Option<IssuingDistributionPoint>,
    pub authority_key_id: Option<Vec<u8>>,
    /// Why the CRL must not be used, if it must not.
    pub unusable: Option<String>,
    pub fingerprint: [u8; 32],
}

fn context(number: u8) -> Tag {
    Tag::ContextSpecific {
        constructed: true,
        number: TagNumber::new(number),
    }
}

fn directory_names(names: &GeneralNames) -> Vec<CanonName> {
    names
        .iter()
        .filter_map(|n| match n {
            GeneralName::DirectoryName(d) => Some(CanonName::new(d)),
            _ => None,
        })
        .collect()
}

fn reason_code(value: &[u8]) -> Option<u32> {
    let any = AnyRef::from_der(value).ok()?;
    let bytes = any.value();
    (any.tag() == Tag::Enumerated && !bytes.is_empty() && bytes.len() <= 2)
        .then(|| bytes.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b)))
}

impl Crl {
    /// Decodes a DER CRL holding at most `max_entries` entries.
    pub(crate) fn from_der(der: &[u8], max_entries: usize) -> Result<Crl, CrlError> {
        let malformed = |e: der::Error| CrlError::Malformed(e.to_string());
        let signed = split_signed(der).map_err(malformed)?;
        let mut reader = SliceReader::new(&der[signed.tbs.clone()]).map_err(malformed)?;
        let mut too_many = false;
        let mut crl = reader
            .sequence(|r| {
                if r.peek_tag()? == Tag::Integer {
                    let version = u8::decode(r)?;
                    if version > 1 {
                        return Err(Tag::Integer.value_error());
                    }
                }
                let _algorithm = spki::AlgorithmIdentifierOwned::decode(r)?;
                let issuer = Name::decode(r)?;
                let time = |a: AnyRef<'_>| parse_time(a).ok_or_else(|| a.tag().value_error());
                let this_update = time(AnyRef::decode(r)?)?;
                let mut next_update = None;
                if matches!(r.peek_tag(), Ok(Tag::UtcTime | Tag::GeneralizedTime)) {
                    next_update = Some(time(AnyRef::decode(r)?)?);
                }
                let mut crl = Crl {
                    der: der.to_vec(),
                    signed: signed.clone(),
                    issuer_canon: CanonName::new(&issuer),
                    this_update,
                    next_update,
                    entries: Vec::new(),
                    entry_issuers: Vec::new(),
                    idp: None,
                    authority_key_id: None,
                    unusable: None,
                    fingerprint: Sha256::digest(der).into(),
                };
                if !r.is_finished() && r.peek_tag()? == Tag::Sequence {
                    r.sequence(|list| {
                        while !list.is_finished() {
                            if crl.entries.len() >= max_entries {
                                too_many = true;
                                return Err(Tag::Sequence.value_error());
                            }
                            list.sequence(|e| crl.read_entry(e))?;
                        }
                        Ok(())
                    })?;
                }
                if !r.is_finished() {
                    let field = AnyRef::decode(r)?;
                    if field.tag() != context(0) {
                        return Err(field.tag().value_error());
                    }
                    crl.read_extensions(&Vec::<Extension>::from_der(field.value())?);
                }
                Ok(crl)
            })
            .map_err(|e| match too_many {
                true => CrlError::TooManyEntries { limit: max_entries },
                false => malformed(e),
            })?;
        reader.finish(()).map_err(malformed)?;
        crl.entries.shrink_to_fit();
        Ok(crl)
    }

    fn mark_unusable(&mut self, why: String) {
        self.unusable.get_or_insert(why);
    }

    fn read_entry<'a, R: Reader<'a>>(&mut self, r: &mut R) -> der::Result<()> {
        let serial = IntRef::decode(r)?.as_bytes().to_vec();
        let time = AnyRef::decode(r)?;
        let revoked_at = parse_time(time).ok_or_else(|| time.tag().value_error())?;
        let mut reason = None;
        let mut issuer = self.entries.last().and_then(|e| e.issuer);
        if !r.is_finished() {
            for ext in Vec::<Extension>::decode(r)? {
                match ext.extn_id {
                    oid::ID_CE_CRL_REASONS => reason = reason_code(ext.extn_value.as_bytes()),
                    oid::ID_CE_CERTIFICATE_ISSUER => {
                        match GeneralNames::from_der(ext.extn_value.as_bytes()) {
                            Ok(names) => {
                                self.entry_issuers.push(directory_names(&names));
                                issuer = Some(self.entry_issuers.len() - 1);
                            }
                            Err(_) => self.mark_unusable("malformed certificateIssuer".into()),
                        }
                    }
                    oid::ID_CE_INVALIDITY_DATE | oid::ID_CE_HOLD_INSTRUCTION_CODE => {}
                    other if ext.critical => {
                        self.mark_unusable(format!("critical entry extension {other}"));
                    }
                    _ => {}
                }
            }
        }
        self.entries.push(CrlEntry {
            serial,
            revoked_at,
            reason,
            issuer,
        });
        Ok(())
    }

    fn read_extensions(&mut self, extensions: &[Extension]) {
        for (i, ext) in extensions.iter().enumerate() {
            if extensions[..i].iter().any(|e| e.extn_id == ext.extn_id) {
                self.mark_unusable(format!("duplicate extension {}", ext.extn_id));
            }
            let value = ext.extn_value.as_bytes();
            match ext.extn_id {
                oid::ID_CE_ISSUING_DISTRIBUTION_POINT => {
                    match IssuingDistributionPoint::from_der(value) {
                        Ok(idp) => self.idp = Some(idp),
                        Err(_) => self.mark_unusable("malformed issuingDistributionPoint".into()),
                    }
                }
                oid::ID_CE_DELTA_CRL_INDICATOR => self.mark_unusable("delta CRL".into()),
                oid::ID_CE_AUTHORITY_KEY_IDENTIFIER => {
                    self.authority_key_id = AuthorityKeyIdentifier::from_der(value)
                        .ok()
                        .and_then(|a| a.key_identifier)
                        .map(|k| k.as_bytes().to_vec());
                }
                oid::ID_CE_CRL_NUMBER | oid::ID_CE_FRESHEST_CRL => {}
                other if ext.critical => self.mark_unusable(format!("critical extension {other}")),
                _ => {}
            }
        }
    }

    /// The entry for the certificate with `serial` issued by `issuer`, if listed.
    pub(crate) fn find(&self, serial: &[u8], issuer: &CanonName) -> Option<&CrlEntry> {
        self.entries.iter().find(|e| {
            e.serial == serial
                && match e.issuer {
                    None => self.issuer_canon == *issuer,
                    Some(i) => self.entry_issuers[i].contains(issuer),
                }
        })
    }
}

/// Limits on the CRLs a [`CrlSet`] accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct CrlLimits {
    /// The most CRLs in the set.
    pub max_crls: usize,
    /// The largest CRL, in bytes.
    pub max_bytes: usize,
    /// The most entries in one CRL.
    pub max_entries: usize,
}

impl Default for CrlLimits {
    fn default() -> Self {
        CrlLimits {
            max_crls: 64,
            max_bytes: 32 * 1024 * 1024,
            max_entries: 1_000_000,
        }
    }
}

/// The CRLs available for revocation checking (from the PDF's DSS, fetched, or supplied).
/// Nothing in the set is trusted until its signature and issuer are checked.
#[derive(Clone, Debug, Default)]
pub struct CrlSet {
    crls: Vec<Arc<Crl>>,
    limits: CrlLimits,
}

impl CrlSet {
    /// An empty set with the default limits.
    pub fn new() -> CrlSet {
        CrlSet::default()
    }

    /// An empty set with the given limits.
    pub fn with_limits(limits: CrlLimits) -> CrlSet {
        CrlSet {
            crls: Vec::new(),
            limits,
        }
    }

    /// Adds a DER CRL. Returns `false` if the set already had it.
    pub fn add_der(&mut self, der: &[u8]) -> Result<bool, CrlError> {
        if der.len() > self.limits.max_bytes {
            return Err(CrlError::TooLarge {
                size: der.len(),
                limit: self.limits.max_bytes,
            });
        }
        let crl = Crl::from_der(der, self.limits.max_entries)?;
        if self.crls.iter().any(|c| c.fingerprint == crl.fingerprint) {
            return Ok(false);
        }
        if self.crls.len() >= self.limits.max_crls {
            return Err(CrlError::TooMany {
                limit: self.limits.max_crls,
            });
        }
        self.crls.push(Arc::new(crl));
        Ok(true)
    }

    /// How many CRLs the set holds.
    pub fn len(&self) -> usize {
        self.crls.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.crls.is_empty()
    }

    pub(crate) fn crls(&self) -> &[Arc<Crl>] {
        &self.crls
    }
}
