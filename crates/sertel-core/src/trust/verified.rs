//! A memo of signature checks already done on certificates, CRLs and OCSP responses.
//!
//! Validating a batch of letters from one office checks the same intermediate and CRL
//! signatures for every letter; each RSA-3072 check costs about as much as the rest of a
//! letter's validation. A check's result depends only on the signed bytes, the algorithm, the
//! signature and the issuer's key, so the memo is keyed by a SHA-256 over all four
//! (length-prefixed): a different input is a different key, never a stale answer. The memo is
//! bounded and simply emptied when full.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use aws_lc_rs::digest::{Context, SHA256};
use der::Encode;
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

use crate::sigcheck::SigCheckError;

/// How many results the memo keeps before it starts again.
const CAPACITY: usize = 4096;

type Key = [u8; 32];

fn memo() -> &'static Mutex<HashMap<Key, Result<(), SigCheckError>>> {
    static MEMO: OnceLock<Mutex<HashMap<Key, Result<(), SigCheckError>>>> = OnceLock::new();
    MEMO.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The memo key of one check; `None` when a part cannot be encoded (then nothing is memoised).
fn key(
    tbs: &[u8],
    algorithm: &AlgorithmIdentifierOwned,
    signature: &[u8],
    issuer: &SubjectPublicKeyInfoOwned,
) -> Option<Key> {
    let mut ctx = Context::new(&SHA256);
    let algorithm = algorithm.to_der().ok()?;
    let issuer = issuer.to_der().ok()?;
    for part in [tbs, &algorithm, signature, &issuer] {
        ctx.update(&(part.len() as u64).to_be_bytes());
        ctx.update(part);
    }
    ctx.finish().as_ref().try_into().ok()
}

/// Runs `check` unless the same check was already done, and remembers its result.
pub(crate) fn memoised(
    tbs: &[u8],
    algorithm: &AlgorithmIdentifierOwned,
    signature: &[u8],
    issuer: &SubjectPublicKeyInfoOwned,
    check: impl FnOnce() -> Result<(), SigCheckError>,
) -> Result<(), SigCheckError> {
    let Some(key) = key(tbs, algorithm, signature, issuer) else {
        return check();
    };
    if let Some(done) = memo().lock().ok().and_then(|m| m.get(&key).cloned()) {
        return done;
    }
    let result = check();
    if let Ok(mut m) = memo().lock() {
        if m.len() >= CAPACITY {
            m.clear();
        }
        m.insert(key, result.clone());
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::key::{KeyAlgorithm, LocalKey};
    use crate::signer::Signer;

    #[test]
    fn a_remembered_result_is_only_reused_for_the_very_same_inputs() {
        let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).expect("key");
        let other = LocalKey::generate(KeyAlgorithm::EcdsaP256).expect("key");
        let alg = key.algorithm().algorithm_identifier();
        let tbs = b"to be signed";
        let sig = key.sign(tbs).expect("sign");
        let runs = std::cell::Cell::new(0);
        let run = |r: Result<(), SigCheckError>| {
            runs.set(runs.get() + 1);
            r
        };
        let pk = key.public_key();
        assert_eq!(memoised(tbs, &alg, &sig, pk, || run(Ok(()))), Ok(()));
        assert_eq!(memoised(tbs, &alg, &sig, pk, || run(Ok(()))), Ok(()));
        assert_eq!(runs.get(), 1);
        let bad = || Err(SigCheckError::BadSignature);
        let other_pk = other.public_key();
        assert_eq!(memoised(tbs, &alg, &sig, other_pk, || run(bad())), bad());
        assert_eq!(memoised(b"other", &alg, &sig, pk, || run(bad())), bad());
        let mut flipped = sig.clone();
        flipped[0] ^= 1;
        assert_eq!(memoised(tbs, &alg, &flipped, pk, || run(bad())), bad());
        assert_eq!(runs.get(), 4);
    }
}
