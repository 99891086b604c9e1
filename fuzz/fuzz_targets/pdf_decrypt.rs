//! Opens arbitrary bytes as an encrypted PDF and walks it with a file key set (strings and
//! streams decrypted with AES-256), then runs the whole `unprotect` path (encryption
//! dictionary, `/Recipients` CMS envelopes, key agreement, rewrite) with a fixed P-256 key.
//! Nothing may panic; every failure must be an error.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_pdf::{Document, FileKey, Limits, Object};

fn key() -> &'static LocalKey {
    static KEY: OnceLock<LocalKey> = OnceLock::new();
    KEY.get_or_init(|| LocalKey::generate(KeyAlgorithm::EcdsaP256).expect("P-256 key"))
}

fuzz_target!(|data: &[u8]| {
    if let Ok(mut doc) = Document::open(data.to_vec(), Limits::strict()) {
        if let Ok(Some(enc)) = doc.encryption() {
            let _ = enc.encrypt_metadata();
            let _ = enc.default_crypt_filter();
            if doc.set_file_key(FileKey::new([0x11; 32])).is_ok() {
                for r in doc.objects().collect::<Vec<_>>() {
                    if let Ok(Object::Stream(s)) = doc.get(r) {
                        let _ = doc.stream_raw(&s);
                        let _ = doc.stream_decoded(&s);
                    }
                }
                let _ = doc.pages();
            }
        }
    }
    let _ = sertel_core::protect::unprotect(data.to_vec(), key(), None);
});
