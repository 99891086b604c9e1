//! The CRL: published at start, again right after each revocation and when old; its number
//! grows strictly, also with two instances on one database.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

mod common;

use der::Decode;
use sertel_core::x509::CertificateList;
use sertel_server::crl::refresh;

use common::fixtures;
use common::TestServer;

async fn number(srv: &TestServer) -> i64 {
    sqlx::query_scalar("SELECT number FROM crl WHERE id = 1")
        .fetch_one(srv.state.db().pool())
        .await
        .unwrap()
}

async fn served(srv: &TestServer) -> CertificateList {
    let r = srv.get("/crl/regency-ca.crl", None).await;
    assert_eq!(r.headers["content-type"], "application/pkix-crl");
    CertificateList::from_der(&r.body).unwrap()
}

async fn backdate(srv: &TestServer) {
    sqlx::query("UPDATE crl SET this_update = '2001-01-01T00:00:00Z' WHERE id = 1")
        .execute(srv.state.db().pool())
        .await
        .unwrap();
}

async fn published(srv: TestServer) {
    let p = fixtures::people(&srv).await;
    assert_eq!(number(&srv).await, 1, "published at first start");
    assert!(served(&srv)
        .await
        .tbs_cert_list
        .revoked_certificates
        .is_none());
    // Nothing new: nothing published.
    assert_eq!(refresh(&srv.state).await.unwrap(), None);

    let id = fixtures::issued(&srv, &p, &p.owner, 0).await;
    fixtures::lost_key(&srv, &p.owner, &id).await;
    assert_eq!(
        number(&srv).await,
        2,
        "published right after the revocation"
    );
    let list = served(&srv).await;
    assert_eq!(list.tbs_cert_list.revoked_certificates.unwrap().len(), 1);

    // A second instance on the same database serves the same CRL and continues the numbers.
    let second = srv.second_instance().await;
    assert_eq!(number(&second).await, 2, "a restart publishes nothing new");
    let theirs = fixtures::issued(&second, &p, &p.other_owner, 1).await;
    fixtures::revoke(&second, &p.dinas, &theirs, "cessation_of_operation").await;
    assert_eq!(number(&srv).await, 3);
    let from_first = served(&srv).await;
    assert_eq!(
        from_first.tbs_cert_list.revoked_certificates.unwrap().len(),
        2
    );

    // When old, both instances try at once: exactly one publishes.
    backdate(&srv).await;
    let (a, b) = tokio::join!(refresh(&srv.state), refresh(&second.state));
    let made: Vec<i64> = [a.unwrap(), b.unwrap()].into_iter().flatten().collect();
    assert_eq!(made, [4]);
    assert_eq!(number(&srv).await, 4);

    // The database refuses a number that does not grow.
    let down = sqlx::query("UPDATE crl SET number = 2 WHERE id = 1")
        .execute(srv.state.db().pool())
        .await;
    assert!(down.is_err());
    sertel_server::audit::verify_chain(srv.state.db().pool())
        .await
        .unwrap();
}
on_every_backend!(the_crl_follows_revocations_with_growing_numbers, published);

async fn missed(srv: TestServer) {
    let p = fixtures::people(&srv).await;
    let id = fixtures::issued(&srv, &p, &p.owner, 0).await;
    fixtures::revoke(&srv, &p.badan, &id, "unspecified").await;
    // Publishing right after the revocation failed (simulated: the CRL forgets it); the
    // background check publishes it on its next round.
    sqlx::query("UPDATE crl SET number = number + 1, revoked_count = 0 WHERE id = 1")
        .execute(srv.state.db().pool())
        .await
        .unwrap();
    let before = number(&srv).await;
    assert_eq!(refresh(&srv.state).await.unwrap(), Some(before + 1));
    assert_eq!(refresh(&srv.state).await.unwrap(), None);
}
on_every_backend!(a_missed_revocation_is_published_by_the_next_check, missed);
