//! Idempotency keys: one per submission, kept with it in the outbox, so that sending it again
//! (after a time-out, a crash, a lost answer) returns the application the first send made.

/// A new key: `sertel-` and 32 random hex digits (the server accepts 8–128 of `[A-Za-z0-9_-]`).
pub fn new_idempotency_key() -> String {
    format!("sertel-{}", random_hex(16))
}

/// `n` random bytes from the system's generator, as hex.
pub(crate) fn random_hex(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    if aws_lc_rs::rand::fill(&mut bytes).is_err() {
        // The system generator never fails on supported platforms; fall back to the clock and
        // the process id so keys stay distinct rather than stopping the app.
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let seed = format!("{nanos}-{}", std::process::id());
        let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, seed.as_bytes());
        bytes = digest.as_ref()[..n.min(32)].to_vec();
    }
    hex::encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_accepted_by_the_server_and_distinct() {
        let (a, b) = (new_idempotency_key(), new_idempotency_key());
        assert_ne!(a, b);
        assert!((8..=128).contains(&a.len()));
        assert!(a
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
    }
}
