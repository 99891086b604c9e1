//! People: owners who register themselves, staff (verifiers, admins) created by an admin or the
//! `admin create` command, sign-in and sign-out.

mod create;
mod handlers;
mod login;
mod model;

pub use create::{create_user, NewUser};
pub use handlers::{create_staff, me, register_owner, RegisterOwner, StaffRequest};
pub use login::{login, logout, LoginRequest};
pub use model::{User, USER_COLUMNS, USER_COLUMN_COUNT};
