//! The login rate limit: per account and client address, bounded in memory.
//!
//! After [`MAX_FAILURES`] failed logins for the same (e-mail, IP) within [`WINDOW`], further
//! attempts for that pair are refused with 429 until the window since the first failure ends.
//! A success clears the pair. At most [`LIMITER_CAPACITY`] pairs are kept: when full, expired
//! pairs are dropped first, then the pair whose window started earliest. The limit lives in one
//! process; instances sharing a PostgreSQL database each keep their own.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failed attempts allowed per window.
pub const MAX_FAILURES: u32 = 5;
/// The window.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Pairs kept at most.
pub const LIMITER_CAPACITY: usize = 10_000;

#[derive(Clone, Copy, Debug)]
struct Window {
    started: Instant,
    failures: u32,
}

/// Failed-login counters.
#[derive(Debug, Default)]
pub struct LoginLimiter {
    entries: Mutex<HashMap<(String, IpAddr), Window>>,
}

impl LoginLimiter {
    /// An empty limiter.
    pub fn new() -> LoginLimiter {
        LoginLimiter::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(String, IpAddr), Window>> {
        // A panic while holding the lock leaves only counters behind; they stay usable.
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// `Err(seconds to wait)` when the pair is locked out now.
    pub fn check(&self, email: &str, ip: IpAddr, now: Instant) -> Result<(), u64> {
        let map = self.lock();
        match map.get(&(email.to_owned(), ip)) {
            Some(w) if w.failures >= MAX_FAILURES => {
                let elapsed = now.saturating_duration_since(w.started);
                if elapsed >= WINDOW {
                    Ok(())
                } else {
                    Err((WINDOW - elapsed).as_secs().max(1))
                }
            }
            _ => Ok(()),
        }
    }

    /// Counts a failed attempt.
    pub fn record_failure(&self, email: &str, ip: IpAddr, now: Instant) {
        let mut map = self.lock();
        let key = (email.to_owned(), ip);
        if !map.contains_key(&key) && map.len() >= LIMITER_CAPACITY {
            map.retain(|_, w| now.saturating_duration_since(w.started) < WINDOW);
            if map.len() >= LIMITER_CAPACITY {
                if let Some(oldest) = map
                    .iter()
                    .min_by_key(|(_, w)| w.started)
                    .map(|(k, _)| k.clone())
                {
                    map.remove(&oldest);
                }
            }
        }
        let w = map.entry(key).or_insert(Window {
            started: now,
            failures: 0,
        });
        if now.saturating_duration_since(w.started) >= WINDOW {
            *w = Window {
                started: now,
                failures: 0,
            };
        }
        w.failures += 1;
    }

    /// Clears the pair after a successful login.
    pub fn record_success(&self, email: &str, ip: IpAddr) {
        self.lock().remove(&(email.to_owned(), ip));
    }

    /// Number of pairs kept.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether no pair is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IP: IpAddr = IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);

    #[test]
    fn locks_after_max_failures_until_window_ends() {
        let l = LoginLimiter::new();
        let t0 = Instant::now();
        for _ in 0..MAX_FAILURES {
            assert!(l.check("a@x", IP, t0).is_ok());
            l.record_failure("a@x", IP, t0);
        }
        assert!(l.check("a@x", IP, t0).is_err());
        assert!(l.check("b@x", IP, t0).is_ok(), "other accounts unaffected");
        assert!(l.check("a@x", IP, t0 + WINDOW).is_ok());
        l.record_success("a@x", IP);
        assert!(l.is_empty());
    }

    #[test]
    fn bounded() {
        let l = LoginLimiter::new();
        let t0 = Instant::now();
        for i in 0..LIMITER_CAPACITY + 50 {
            l.record_failure(&format!("u{i}@x"), IP, t0 + Duration::from_millis(i as u64));
        }
        assert_eq!(l.len(), LIMITER_CAPACITY);
        // The earliest pairs were evicted.
        assert!(l.check("u0@x", IP, t0).is_ok());
    }
}
