//! Who is calling: roles, password hashing, sessions, the login rate limit, and the extractor
//! every protected handler takes.

mod current_user;
mod password;
mod rate_limit;
mod role;
mod session;
mod session_cache;

pub use current_user::CurrentUser;
pub use password::{hash_password, verify_password, MAX_PASSWORD_LEN, MIN_PASSWORD_LEN};
pub use rate_limit::{LoginLimiter, LIMITER_CAPACITY, MAX_FAILURES, WINDOW};
pub use role::Role;
pub use session::{
    authenticate, count_sessions, create_session, delete_session, forget_session, lookup_session,
    SESSION_LIFETIME,
};
pub use session_cache::{SessionCache, RECHECK_AFTER, SESSION_CACHE_CAPACITY};
