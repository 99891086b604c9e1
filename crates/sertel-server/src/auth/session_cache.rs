//! Recently checked sessions, so that a client polling the API does not cost a database round
//! trip for its token on every request.
//!
//! A token found live in the database is remembered with its user and expiry for
//! [`RECHECK_AFTER`]; within that time it is accepted from memory (unless it expired), after it
//! the database is asked again. Signing out on this instance forgets the token at once
//! ([`SessionCache::forget`]); another instance sharing a PostgreSQL database stops accepting it
//! within [`RECHECK_AFTER`]. Users are never changed or disabled in place (the only change to a
//! session is its deletion), so nothing else can go stale. At most [`SESSION_CACHE_CAPACITY`]
//! tokens are kept; when full, the cache starts again empty. Keys are the tokens' SHA-256, as in
//! the database: the tokens themselves are not kept.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::users::User;

/// How long a session checked in the database is accepted from memory.
pub const RECHECK_AFTER: Duration = Duration::from_secs(2);

/// Tokens kept at most.
pub const SESSION_CACHE_CAPACITY: usize = 10_000;

#[derive(Clone, Debug)]
struct Checked {
    user: User,
    expires_at: i64,
    checked: Instant,
}

/// Sessions recently found live, by token hash.
#[derive(Debug, Default)]
pub struct SessionCache {
    entries: Mutex<HashMap<String, Checked>>,
}

impl SessionCache {
    /// An empty cache.
    pub fn new() -> SessionCache {
        SessionCache::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Checked>> {
        // A panic while holding the lock leaves only copies of database rows behind.
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The user of `token_hash` if it was found live less than [`RECHECK_AFTER`] before `now`
    /// and has not expired by `unix_now`.
    pub fn get(&self, token_hash: &str, now: Instant, unix_now: i64) -> Option<User> {
        let map = self.lock();
        let c = map.get(token_hash)?;
        (now.saturating_duration_since(c.checked) < RECHECK_AFTER && c.expires_at > unix_now)
            .then(|| c.user.clone())
    }

    /// Remembers that `token_hash` was found live at `now`.
    pub fn put(&self, token_hash: String, user: User, expires_at: i64, now: Instant) {
        let mut map = self.lock();
        if map.len() >= SESSION_CACHE_CAPACITY && !map.contains_key(&token_hash) {
            map.clear();
        }
        map.insert(
            token_hash,
            Checked {
                user,
                expires_at,
                checked: now,
            },
        );
    }

    /// Forgets `token_hash` (its session was deleted).
    pub fn forget(&self, token_hash: &str) {
        self.lock().remove(token_hash);
    }

    /// Number of tokens kept.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether no token is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Role;

    fn user(id: &str) -> User {
        User {
            id: id.into(),
            role: Role::Owner,
            email: format!("{id}@muaraenimkab.go.id"),
            full_name: "Pemilik".into(),
            nip: None,
            nik: None,
            title: None,
            unit: None,
            rank: None,
            phone: None,
            created_at: "2026-01-01T00:00:00Z".into(),
        }
    }

    #[test]
    fn accepted_until_recheck_or_expiry_and_forgotten_on_sign_out() {
        let c = SessionCache::new();
        let t0 = Instant::now();
        c.put("h1".into(), user("a"), 1000, t0);
        assert_eq!(c.get("h1", t0, 999).map(|u| u.id), Some("a".into()));
        assert!(c.get("h2", t0, 999).is_none());
        assert!(c.get("h1", t0, 1000).is_none(), "expired");
        assert!(
            c.get("h1", t0 + RECHECK_AFTER, 999).is_none(),
            "to be checked again"
        );
        c.forget("h1");
        assert!(c.get("h1", t0, 999).is_none());
        assert!(c.is_empty());
    }

    #[test]
    fn bounded() {
        let c = SessionCache::new();
        let t0 = Instant::now();
        for i in 0..SESSION_CACHE_CAPACITY + 1 {
            c.put(i.to_string(), user("a"), 1000, t0);
        }
        assert!(c.len() <= SESSION_CACHE_CAPACITY);
        assert!(!c.is_empty());
    }
}
