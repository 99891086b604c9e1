//! The qcStatements extension (RFC 3739 §3.2.6, ETSI EN 319 412-5) as Sertel uses it: a QcType
//! statement that tells an electronic seal (`id-etsi-qct-eseal`) from a person's signature
//! certificate, so that any validator can tell them apart.

use der::asn1::{ObjectIdentifier, OctetString};
use der::{Any, Decode, Encode, Sequence};
use x509_cert::ext::Extension;
use x509_cert::Certificate;

use super::X509Error;

/// `id-pe-qcStatements` (RFC 3739).
pub const OID_PE_QC_STATEMENTS: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.1.3");
/// `id-etsi-qcs-QcType` (ETSI EN 319 412-5 §4.2.3).
pub const OID_QCS_QC_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("0.4.0.1862.1.6");
/// `id-etsi-qct-esign`: a certificate for electronic signatures of a natural person.
pub const OID_QCT_ESIGN: ObjectIdentifier = ObjectIdentifier::new_unwrap("0.4.0.1862.1.6.1");
/// `id-etsi-qct-eseal`: a certificate for electronic seals of a legal person.
pub const OID_QCT_ESEAL: ObjectIdentifier = ObjectIdentifier::new_unwrap("0.4.0.1862.1.6.2");

/// `QCStatement ::= SEQUENCE { statementId OBJECT IDENTIFIER, statementInfo ANY OPTIONAL }`.
#[derive(Clone, Debug, Sequence)]
struct QcStatement {
    statement_id: ObjectIdentifier,
    statement_info: Option<Any>,
}

/// qcStatements (not critical) with one QcType statement listing `types`.
pub fn qc_statements_qc_type(types: &[ObjectIdentifier]) -> Result<Extension, X509Error> {
    let info = Any::encode_from(&types.to_vec())?;
    let statements = vec![QcStatement {
        statement_id: OID_QCS_QC_TYPE,
        statement_info: Some(info),
    }];
    Ok(Extension {
        extn_id: OID_PE_QC_STATEMENTS,
        critical: false,
        extn_value: OctetString::new(statements.to_der()?)?,
    })
}

/// qcStatements (not critical) marking an electronic seal: QcType `id-etsi-qct-eseal`.
pub fn qc_statements_eseal() -> Result<Extension, X509Error> {
    qc_statements_qc_type(&[OID_QCT_ESEAL])
}

/// The QcTypes the certificate declares in its qcStatements extension; empty when it has none
/// or when the extension cannot be read (a malformed extension declares nothing).
pub fn qc_types(cert: &Certificate) -> Vec<ObjectIdentifier> {
    let Some(ext) = cert
        .tbs_certificate
        .extensions
        .iter()
        .flatten()
        .find(|e| e.extn_id == OID_PE_QC_STATEMENTS)
    else {
        return Vec::new();
    };
    qc_types_in(ext.extn_value.as_bytes())
}

/// The QcTypes listed in a qcStatements extension's value (DER); empty when it is malformed.
fn qc_types_in(value: &[u8]) -> Vec<ObjectIdentifier> {
    let Ok(statements) = Vec::<QcStatement>::from_der(value) else {
        return Vec::new();
    };
    statements
        .iter()
        .filter(|s| s.statement_id == OID_QCS_QC_TYPE)
        .filter_map(|s| s.statement_info.as_ref())
        .filter_map(|info| info.decode_as::<Vec<ObjectIdentifier>>().ok())
        .flatten()
        .collect()
}

/// Whether the certificate is an electronic seal's (QcType `id-etsi-qct-eseal`).
pub fn is_eseal(cert: &Certificate) -> bool {
    qc_types(cert).contains(&OID_QCT_ESEAL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eseal_statement_encoding() {
        let ext = qc_statements_eseal().unwrap();
        assert!(!ext.critical);
        // SEQUENCE { SEQUENCE { OID 0.4.0.1862.1.6, SEQUENCE { OID 0.4.0.1862.1.6.2 } } }
        assert_eq!(
            hex::encode(ext.extn_value.as_bytes()),
            "30153013060604008e4601063009060704008e46010602"
        );
        assert_eq!(qc_types_in(ext.extn_value.as_bytes()), [OID_QCT_ESEAL]);
    }

    #[test]
    fn other_statements_and_malformed_values_declare_nothing_more() {
        // QcCompliance (0.4.0.1862.1.1, no info), then QcType eseal.
        let mixed = vec![
            QcStatement {
                statement_id: ObjectIdentifier::new_unwrap("0.4.0.1862.1.1"),
                statement_info: None,
            },
            QcStatement {
                statement_id: OID_QCS_QC_TYPE,
                statement_info: Some(Any::encode_from(&vec![OID_QCT_ESEAL]).unwrap()),
            },
        ];
        assert_eq!(qc_types_in(&mixed.to_der().unwrap()), [OID_QCT_ESEAL]);
        // A QcType whose info is not a list of OIDs declares nothing.
        let odd = vec![QcStatement {
            statement_id: OID_QCS_QC_TYPE,
            statement_info: Some(Any::encode_from(&der::asn1::Null).unwrap()),
        }];
        assert!(qc_types_in(&odd.to_der().unwrap()).is_empty());
        let esign = qc_statements_qc_type(&[OID_QCT_ESIGN]).unwrap();
        assert_eq!(qc_types_in(esign.extn_value.as_bytes()), [OID_QCT_ESIGN]);
        let full = qc_statements_eseal().unwrap();
        let bytes = full.extn_value.as_bytes();
        for cut in 0..bytes.len() {
            assert!(qc_types_in(&bytes[..cut]).is_empty(), "truncated at {cut}");
        }
        assert!(qc_types_in(b"\x30\x03\x02\x01\x00").is_empty());
        assert!(qc_types_in(&[0xff; 40]).is_empty());
    }
}
