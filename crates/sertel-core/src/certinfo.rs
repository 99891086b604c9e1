//! Facts read off a certificate that signing and display need.

use const_oid::db::rfc4519::CN;
use der::asn1::{PrintableStringRef, TeletexStringRef, Utf8StringRef};
use der::{Decode, Tag, Tagged};
use x509_cert::Certificate;

use crate::signer::{OID_EC_PUBLIC_KEY, OID_RSA_ENCRYPTION};

/// The subject's common name, if it has one in a string type Sertel reads.
pub fn common_name(cert: &Certificate) -> Option<String> {
    name_attribute(&cert.tbs_certificate.subject, CN)
}

/// The first value of attribute `oid` in `name`, decoded as text.
pub fn name_attribute(
    name: &x509_cert::name::Name,
    oid: const_oid::ObjectIdentifier,
) -> Option<String> {
    name.0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .find(|atv| atv.oid == oid)
        .and_then(|atv| {
            let v = &atv.value;
            match v.tag() {
                Tag::Utf8String => Utf8StringRef::try_from(v)
                    .ok()
                    .map(|s| s.as_str().to_string()),
                Tag::PrintableString => PrintableStringRef::try_from(v)
                    .ok()
                    .map(|s| s.as_str().to_string()),
                Tag::TeletexString => TeletexStringRef::try_from(v)
                    .ok()
                    .map(|s| s.as_str().to_string()),
                Tag::Ia5String => der::asn1::Ia5StringRef::try_from(v)
                    .ok()
                    .map(|s| s.as_str().to_string()),
                _ => None,
            }
        })
}

/// The longest signature the certificate's key can produce, in bytes: the modulus length for
/// RSA, the DER `Ecdsa-Sig-Value` maximum for EC curves.
pub fn max_signature_len(cert: &Certificate) -> usize {
    let spki = &cert.tbs_certificate.subject_public_key_info;
    let bits = spki.subject_public_key.raw_bytes();
    if spki.algorithm.oid == OID_RSA_ENCRYPTION {
        #[derive(der::Sequence)]
        struct RsaPublicKey<'a> {
            modulus: der::asn1::UintRef<'a>,
            _exponent: der::asn1::UintRef<'a>,
        }
        return RsaPublicKey::from_der(bits)
            .map(|k| k.modulus.as_bytes().len())
            .unwrap_or(512);
    }
    if spki.algorithm.oid == OID_EC_PUBLIC_KEY {
        // Uncompressed point: 1 + 2 × field size; the DER signature adds 9 bytes of framing.
        let field = bits.len().saturating_sub(1) / 2;
        return 2 * field + 9;
    }
    512
}

/// The `http`/`https` addresses of the certificate's CRL distribution points (full names
/// only; LDAP and relative names are skipped).
pub fn crl_urls(cert: &Certificate) -> Vec<String> {
    use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};
    use x509_cert::ext::pkix::CrlDistributionPoints;
    let Ok(Some((_, points))) = cert.tbs_certificate.get::<CrlDistributionPoints>() else {
        return Vec::new();
    };
    points
        .0
        .iter()
        .filter_map(|p| match &p.distribution_point {
            Some(DistributionPointName::FullName(names)) => Some(names),
            _ => None,
        })
        .flatten()
        .filter_map(|n| match n {
            GeneralName::UniformResourceIdentifier(uri) => Some(uri.as_str().to_owned()),
            _ => None,
        })
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .collect()
}

/// Whether the certificate's extended key usage includes id-kp-timeStamping (RFC 3161 §2.3).
pub fn has_time_stamping_usage(cert: &Certificate) -> bool {
    use x509_cert::ext::pkix::ExtendedKeyUsage;
    const ID_KP_TIME_STAMPING: const_oid::ObjectIdentifier =
        const_oid::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.8");
    matches!(
        cert.tbs_certificate.get::<ExtendedKeyUsage>(),
        Ok(Some((_, eku))) if eku.0.contains(&ID_KP_TIME_STAMPING)
    )
}

/// The `http`/`https` addresses of the certificate's OCSP responders (authority information
/// access, id-ad-ocsp).
pub fn ocsp_urls(cert: &Certificate) -> Vec<String> {
    use x509_cert::ext::pkix::name::GeneralName;
    use x509_cert::ext::pkix::AuthorityInfoAccessSyntax;
    const ID_AD_OCSP: const_oid::ObjectIdentifier =
        const_oid::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1");
    let Ok(Some((_, aia))) = cert.tbs_certificate.get::<AuthorityInfoAccessSyntax>() else {
        return Vec::new();
    };
    aia.0
        .iter()
        .filter(|d| d.access_method == ID_AD_OCSP)
        .filter_map(|d| match &d.access_location {
            GeneralName::UniformResourceIdentifier(uri) => Some(uri.as_str().to_owned()),
            _ => None,
        })
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .collect()
}
