//! Reading a PKCS#12 file.

use cms::content_info::ContentInfo;
use cms::encrypted_data::EncryptedData;
use der::asn1::{BmpString, ContextSpecific, OctetString};
use der::{Any, Decode, Encode};
use pkcs12::cert_type::CertBag;
use pkcs12::pbe_params::EncryptedPrivateKeyInfo;
use pkcs12::pfx::Pfx;
use pkcs12::safe_bag::{SafeBag, SafeContents};
use x509_cert::attr::Attributes;
use x509_cert::certificate::Certificate;
use zeroize::Zeroizing;

use super::legacy_pbe::{decode_any, decrypt};
use super::password::P12Password;
use super::{ber, mac, oids, Pkcs12Bundle, Pkcs12Error};
use crate::key::{LocalKey, Passphrase};
use crate::signer::Signer;

/// SafeContents bags nest; more than this depth is refused.
const MAX_DEPTH: usize = 4;

#[derive(Default)]
struct Found {
    keys: Vec<(LocalKey, Option<String>)>,
    certs: Vec<(Certificate, Option<String>)>,
}

/// Reads a PKCS#12 file (DER) protected by `password`.
///
/// The MAC, when present, is verified first: a mismatch is [`Pkcs12Error::WrongPassword`] and
/// nothing is decrypted. Exactly one private key is expected, with a certificate whose public
/// key matches it.
pub fn import_pkcs12(data: &[u8], password: &Passphrase) -> Result<Pkcs12Bundle, Pkcs12Error> {
    match data.first() {
        None => return Err(Pkcs12Error::Truncated),
        Some(0x30) => {}
        Some(_) => return Err(Pkcs12Error::Malformed("not a PKCS#12 file".into())),
    }
    let pfx = Pfx::from_der(&ber::to_der(data)?)?;
    if pfx.auth_safe.content_type != oids::DATA {
        return Err(Pkcs12Error::Unsupported(format!(
            "public-key integrity mode ({})",
            pfx.auth_safe.content_type
        )));
    }
    let auth_safe: OctetString = decode_any(&pfx.auth_safe.content)
        .ok_or_else(|| Pkcs12Error::Malformed("authSafe is not an OCTET STRING".into()))?;
    let given = P12Password::new(password.expose())?;
    let absent = P12Password::absent();
    let mut candidates = vec![&given];
    if password.is_empty() {
        candidates.push(&absent);
    }
    let (password, mac_checked) = match &pfx.mac_data {
        Some(mac_data) => {
            let i = mac::verify(mac_data, auth_safe.as_bytes(), &candidates)?;
            (candidates[i], true)
        }
        None => (&given, false),
    };
    let contents: Vec<ContentInfo> = Vec::from_der(&ber::to_der(auth_safe.as_bytes())?)?;
    let mut found = Found::default();
    for ci in &contents {
        let safe: Zeroizing<Vec<u8>> = match ci.content_type {
            t if t == oids::DATA => {
                let os: OctetString = decode_any(&ci.content)
                    .ok_or_else(|| Pkcs12Error::Malformed("data safe".into()))?;
                Zeroizing::new(ber::to_der(os.as_bytes())?)
            }
            t if t == oids::ENCRYPTED_DATA => {
                let ed: EncryptedData = decode_any(&ci.content)
                    .ok_or_else(|| Pkcs12Error::Malformed("encrypted-data safe".into()))?;
                let info = &ed.enc_content_info;
                let ct = info.encrypted_content.as_ref().ok_or_else(|| {
                    Pkcs12Error::Malformed("encrypted safe without content".into())
                })?;
                let plain = decrypt(&info.content_enc_alg, password, ct.as_bytes())
                    .map_err(|e| after_mac(e.into(), mac_checked))?;
                Zeroizing::new(ber::to_der(&plain).map_err(|e| after_mac(e, mac_checked))?)
            }
            t => {
                return Err(Pkcs12Error::Unsupported(format!(
                    "safe of content type {t}"
                )))
            }
        };
        let bags = SafeContents::from_der(&safe).map_err(|e| after_mac(e.into(), mac_checked))?;
        read_bags(&bags, password, mac_checked, &mut found, 0)?;
    }
    assemble(found)
}

/// A decryption failure after a verified MAC means a damaged file, not a wrong password; without
/// a MAC it most likely means a wrong password.
fn after_mac(e: Pkcs12Error, mac_checked: bool) -> Pkcs12Error {
    match e {
        Pkcs12Error::WrongPassword | Pkcs12Error::Malformed(_) if mac_checked => {
            Pkcs12Error::Malformed("a safe does not decrypt to valid contents".into())
        }
        Pkcs12Error::Malformed(_) | Pkcs12Error::Truncated => Pkcs12Error::WrongPassword,
        other => other,
    }
}

/// The bag's value without its `[0] EXPLICIT` wrapper.
fn bag_value(bag: &SafeBag) -> Result<Vec<u8>, Pkcs12Error> {
    if bag.bag_value.first() == Some(&0xa0) {
        let cs = ContextSpecific::<Any>::from_der(&bag.bag_value)?;
        Ok(cs.value.to_der()?)
    } else {
        Ok(bag.bag_value.clone())
    }
}

fn friendly_name(attrs: &Option<Attributes>) -> Option<String> {
    let attr = attrs
        .as_ref()?
        .iter()
        .find(|a| a.oid == oids::FRIENDLY_NAME)?;
    let value: BmpString = decode_any(attr.values.iter().next()?)?;
    Some(value.to_string())
}

fn read_bags(
    bags: &[SafeBag],
    password: &P12Password,
    mac_checked: bool,
    found: &mut Found,
    depth: usize,
) -> Result<(), Pkcs12Error> {
    for bag in bags {
        let value = Zeroizing::new(bag_value(bag)?);
        let name = friendly_name(&bag.bag_attributes);
        match bag.bag_id {
            id if id == pkcs12::PKCS_12_KEY_BAG_OID => {
                found.keys.push((LocalKey::from_pkcs8_der(&value)?, name));
            }
            id if id == pkcs12::PKCS_12_PKCS8_KEY_BAG_OID => {
                let epki = EncryptedPrivateKeyInfo::from_der(&value)?;
                let plain = decrypt(
                    &epki.encryption_algorithm,
                    password,
                    epki.encrypted_data.as_bytes(),
                )
                .map_err(|e| after_mac(e.into(), mac_checked))?;
                let plain = Zeroizing::new(
                    ber::to_der(&plain)
                        .map_err(|_| after_mac(Pkcs12Error::WrongPassword, mac_checked))?,
                );
                if pkcs8::PrivateKeyInfo::from_der(&plain).is_err() {
                    return Err(after_mac(Pkcs12Error::WrongPassword, mac_checked));
                }
                found.keys.push((LocalKey::from_pkcs8_der(&plain)?, name));
            }
            id if id == pkcs12::PKCS_12_CERT_BAG_OID => {
                let cert_bag = CertBag::from_der(&value)?;
                if cert_bag.cert_id != pkcs12::PKCS_12_X509_CERT_OID {
                    continue; // SDSI certificates: not X.509, ignored.
                }
                found
                    .certs
                    .push((Certificate::from_der(cert_bag.cert_value.as_bytes())?, name));
            }
            id if id == pkcs12::PKCS_12_SAFE_CONTENTS_BAG_OID => {
                if depth >= MAX_DEPTH {
                    return Err(Pkcs12Error::Malformed(
                        "safe contents nested too deeply".into(),
                    ));
                }
                let inner = SafeContents::from_der(&value)?;
                read_bags(&inner, password, mac_checked, found, depth + 1)?;
            }
            _ => {} // CRL and secret bags are not used.
        }
    }
    Ok(())
}

fn assemble(found: Found) -> Result<Pkcs12Bundle, Pkcs12Error> {
    let mut keys = found.keys.into_iter();
    let (key, key_name) = keys.next().ok_or(Pkcs12Error::NoPrivateKey)?;
    if keys.next().is_some() {
        return Err(Pkcs12Error::MultiplePrivateKeys);
    }
    let mut certs = found.certs;
    let leaf = certs
        .iter()
        .position(|(c, _)| &c.tbs_certificate.subject_public_key_info == key.public_key())
        .ok_or(Pkcs12Error::NoMatchingCertificate)?;
    let (certificate, cert_name) = certs.remove(leaf);
    let mut rest: Vec<Certificate> = certs.into_iter().map(|(c, _)| c).collect();
    let mut chain = Vec::with_capacity(rest.len());
    let mut current = certificate.clone();
    while let Some(i) = rest.iter().position(|c| {
        c.tbs_certificate.subject == current.tbs_certificate.issuer
            && current.tbs_certificate.subject != current.tbs_certificate.issuer
    }) {
        current = rest.remove(i);
        chain.push(current.clone());
    }
    chain.extend(rest);
    Ok(Pkcs12Bundle {
        key,
        certificate,
        chain,
        friendly_name: key_name.or(cert_name),
    })
}
