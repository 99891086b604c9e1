//! When the app offers to renew a certificate (Pasal 18 ayat 2: before it ends): from
//! [`RENEWAL_WINDOW_DAYS`] days before the end, while it is issued, not revoked and not yet
//! ended (the server refuses to renew an ended or revoked certificate).

use sertel_client::model::ApplicationState;
use sertel_client::sync::RENEWAL_WINDOW_DAYS;

/// Whether renewal is offered for a certificate of an application in `state`, revoked or not,
/// with `days_left` whole days until it ends (negative once ended).
pub fn renewal_offered(state: ApplicationState, revoked: bool, days_left: i64) -> bool {
    state == ApplicationState::Issued && !revoked && (0..=RENEWAL_WINDOW_DAYS).contains(&days_left)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offered_in_the_last_thirty_days_of_an_issued_certificate() {
        let issued = ApplicationState::Issued;
        assert!(!renewal_offered(issued, false, 31));
        assert!(renewal_offered(issued, false, 30));
        assert!(renewal_offered(issued, false, 1));
        assert!(renewal_offered(issued, false, 0));
        assert!(
            !renewal_offered(issued, false, -1),
            "ended: a new application instead"
        );
        assert!(!renewal_offered(issued, true, 10), "revoked");
        assert!(!renewal_offered(ApplicationState::Superseded, false, 10));
        assert!(!renewal_offered(ApplicationState::Revoked, false, 10));
    }
}
