//! Who made a signature: a person, or an agency's electronic seal (segel elektronik, Pasal 12
//! huruf c), told apart by the QcType `id-etsi-qct-eseal` in the signer's certificate.

use x509_cert::Certificate;

use super::report::SignatureReport;
use crate::i18n::Lang;

impl SignatureReport {
    /// Records the signer named by `cert`: its common name (a person's name, or the agency's
    /// for a seal) and whether the certificate is an electronic seal's.
    pub fn identify_signer(&mut self, cert: &Certificate) {
        self.signer = crate::certinfo::common_name(cert);
        self.seal = crate::x509::qc_statements::is_eseal(cert);
    }

    /// The label the signer's name is shown under: "Segel elektronik" for an agency's seal,
    /// "Penanda tangan" for a person.
    pub fn signer_label(&self, lang: Lang) -> &'static str {
        if self.seal {
            lang.pick("Segel elektronik", "Electronic seal")
        } else {
            lang.pick("Penanda tangan", "Signer")
        }
    }
}
