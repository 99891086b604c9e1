//! Notices to the owner's agency (Perangkat Daerah) when a certificate is revoked (Pasal 17
//! ayat 5: the agency is told by the Badan or the Dinas, by letter or by e-mail to the address
//! in the request letter).
//!
//! Every revocation writes one notice in its own transaction ([`record_notice`]): an outbox row
//! with the agency (the owner's registered unit), the address from the owner's request when
//! there was one, the text, and a status. This server has no mail relay, so every notice is
//! `manual`: the verifiers see the queue at `GET /api/v1/agency-notices` and send it themselves.
//! The owner's event feed gets an `agency.notified` event beside `certificate.revoked`.

mod list;
mod record;

pub use list::{list_notices, NoticeView};
pub use record::{record_notice, NoticeStatus, Revoked};
