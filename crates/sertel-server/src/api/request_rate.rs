//! A request-rate limit per client address (a token bucket per IP), bounded in memory: used for
//! the public time-stamping endpoint, where every request costs a signature.
//!
//! Each address has a bucket of [`RateLimit::burst`] tokens that refills at
//! [`RateLimit::per_minute`] tokens a minute; a request takes one token, and a request that finds
//! the bucket empty is refused with the seconds until a token is back (the `Retry-After` of the
//! 429). At most [`RATE_LIMITER_CAPACITY`] addresses are kept: when full, the buckets that have
//! refilled completely (the same as no bucket) are dropped first, then the least recently used.
//! The limit lives in one process; instances sharing a PostgreSQL database each keep their own.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Addresses kept at most.
pub const RATE_LIMITER_CAPACITY: usize = 10_000;

/// How many requests an address may make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    /// Sustained requests per minute; 0 turns the limit off.
    pub per_minute: u32,
    /// Requests allowed at once after a quiet spell (the bucket's size, at least 1).
    pub burst: u32,
}

impl RateLimit {
    /// No limit.
    pub const OFF: RateLimit = RateLimit {
        per_minute: 0,
        burst: 0,
    };

    /// Whether requests are limited at all.
    pub fn is_on(self) -> bool {
        self.per_minute > 0
    }

    fn capacity(self) -> f64 {
        f64::from(self.burst.max(1))
    }

    fn per_second(self) -> f64 {
        f64::from(self.per_minute) / 60.0
    }
}

#[derive(Clone, Copy, Debug)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

/// Token buckets per client address.
#[derive(Debug)]
pub struct IpRateLimiter {
    limit: RateLimit,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

impl IpRateLimiter {
    /// A limiter with no bucket yet.
    pub fn new(limit: RateLimit) -> IpRateLimiter {
        IpRateLimiter {
            limit,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// The limit applied.
    pub fn limit(&self) -> RateLimit {
        self.limit
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<IpAddr, Bucket>> {
        // A panic while holding the lock leaves only counters behind; they stay usable.
        self.buckets.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Takes a token for `ip` at `now`; `Err(seconds to wait)` when none is left.
    pub fn acquire(&self, ip: IpAddr, now: Instant) -> Result<(), u64> {
        if !self.limit.is_on() {
            return Ok(());
        }
        let (capacity, rate) = (self.limit.capacity(), self.limit.per_second());
        let mut map = self.lock();
        if !map.contains_key(&ip) && map.len() >= RATE_LIMITER_CAPACITY {
            map.retain(|_, b| refilled(b, now, rate, capacity) < capacity);
            if map.len() >= RATE_LIMITER_CAPACITY {
                if let Some(oldest) = map.iter().min_by_key(|(_, b)| b.at).map(|(k, _)| *k) {
                    map.remove(&oldest);
                }
            }
        }
        let bucket = map.entry(ip).or_insert(Bucket {
            tokens: capacity,
            at: now,
        });
        let tokens = refilled(bucket, now, rate, capacity);
        bucket.at = now.max(bucket.at);
        if tokens >= 1.0 {
            bucket.tokens = tokens - 1.0;
            Ok(())
        } else {
            bucket.tokens = tokens;
            let wait = Duration::from_secs_f64((1.0 - tokens) / rate);
            Err(wait.as_secs() + u64::from(wait.subsec_nanos() > 0))
        }
    }

    /// Number of addresses kept.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether no address is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The bucket's tokens at `now` (never more than `capacity`).
fn refilled(b: &Bucket, now: Instant, rate: f64, capacity: f64) -> f64 {
    let elapsed = now.saturating_duration_since(b.at).as_secs_f64();
    (b.tokens + elapsed * rate).min(capacity)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    const A: IpAddr = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1));
    const B: IpAddr = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2));

    #[test]
    fn burst_then_refusal_with_the_wait_then_refill() {
        // 60 a minute: one token a second; 3 at once.
        let l = IpRateLimiter::new(RateLimit {
            per_minute: 60,
            burst: 3,
        });
        let t0 = Instant::now();
        for _ in 0..3 {
            assert_eq!(l.acquire(A, t0), Ok(()));
        }
        assert_eq!(l.acquire(A, t0), Err(1));
        assert_eq!(
            l.acquire(B, t0),
            Ok(()),
            "other addresses have their own bucket"
        );
        assert_eq!(l.acquire(A, t0 + Duration::from_millis(400)), Err(1));
        assert_eq!(l.acquire(A, t0 + Duration::from_millis(1000)), Ok(()));
        assert_eq!(l.acquire(A, t0 + Duration::from_millis(1000)), Err(1));
        // A long quiet spell refills to the burst, not beyond.
        let later = t0 + Duration::from_secs(3600);
        for _ in 0..3 {
            assert_eq!(l.acquire(A, later), Ok(()));
        }
        assert!(l.acquire(A, later).is_err());
    }

    #[test]
    fn slow_rates_wait_whole_seconds() {
        let l = IpRateLimiter::new(RateLimit {
            per_minute: 2,
            burst: 1,
        });
        let t0 = Instant::now();
        assert_eq!(l.acquire(A, t0), Ok(()));
        assert_eq!(l.acquire(A, t0), Err(30));
        assert_eq!(l.acquire(A, t0 + Duration::from_millis(29_500)), Err(1));
        assert_eq!(l.acquire(A, t0 + Duration::from_secs(30)), Ok(()));
    }

    #[test]
    fn off_never_refuses_and_keeps_nothing() {
        let l = IpRateLimiter::new(RateLimit::OFF);
        let t0 = Instant::now();
        for _ in 0..1000 {
            assert_eq!(l.acquire(A, t0), Ok(()));
        }
        assert!(l.is_empty());
    }

    #[test]
    fn bounded() {
        let l = IpRateLimiter::new(RateLimit {
            per_minute: 1,
            burst: 1,
        });
        let t0 = Instant::now();
        for i in 0..RATE_LIMITER_CAPACITY + 10 {
            let ip = IpAddr::V6(std::net::Ipv6Addr::from(u128::try_from(i).unwrap_or(0)));
            assert_eq!(l.acquire(ip, t0 + Duration::from_millis(i as u64)), Ok(()));
        }
        assert_eq!(l.len(), RATE_LIMITER_CAPACITY);
        // The least recently used address was dropped: it starts again with a full bucket.
        let first = IpAddr::V6(std::net::Ipv6Addr::from(0u128));
        assert_eq!(l.acquire(first, t0 + Duration::from_secs(20)), Ok(()));
    }
}
