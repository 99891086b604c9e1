//! Every endpoint and who may call it: the authorization matrix and the OpenAPI check read this.

/// Who may call an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in user.
    SignedIn,
    /// Admins only.
    Admin,
    /// Owners only.
    Owners,
    /// The owner of the application only; another owner gets 404, staff 403.
    OwningOwner,
    /// The Badan and Dinas verifiers only.
    Verifiers,
    /// The owner of the application (another owner gets 404) and all staff.
    OwnerOrStaff,
}

/// (method, path template as in OpenAPI, access).
pub const ROUTES: &[(&str, &str, Access)] = &[
    ("GET", "/api/v1/openapi.json", Access::Public),
    ("GET", "/api/v1/consent", Access::Public),
    ("GET", "/api/v1/health", Access::Public),
    ("POST", "/api/v1/owners", Access::Public),
    ("POST", "/api/v1/sessions", Access::Public),
    ("GET", "/api/v1/me", Access::SignedIn),
    ("POST", "/api/v1/users", Access::Admin),
    ("GET", "/api/v1/applications", Access::SignedIn),
    ("POST", "/api/v1/applications", Access::Owners),
    ("POST", "/api/v1/seal-applications", Access::Owners),
    ("GET", "/api/v1/applications/{id}", Access::OwnerOrStaff),
    (
        "POST",
        "/api/v1/applications/{id}/resubmit",
        Access::OwningOwner,
    ),
    (
        "POST",
        "/api/v1/applications/{id}/review",
        Access::Verifiers,
    ),
    (
        "GET",
        "/api/v1/applications/{id}/documents/{kind}",
        Access::OwnerOrStaff,
    ),
    (
        "GET",
        "/api/v1/applications/{id}/certificate",
        Access::OwnerOrStaff,
    ),
    (
        "POST",
        "/api/v1/applications/{id}/certificate",
        Access::Verifiers,
    ),
    (
        "POST",
        "/api/v1/applications/{id}/renew",
        Access::OwningOwner,
    ),
    (
        "POST",
        "/api/v1/applications/{id}/reissue",
        Access::OwningOwner,
    ),
    (
        "POST",
        "/api/v1/applications/{id}/revocation-requests",
        Access::OwningOwner,
    ),
    ("GET", "/api/v1/revocation-requests", Access::SignedIn),
    (
        "GET",
        "/api/v1/revocation-requests/{id}",
        Access::OwnerOrStaff,
    ),
    (
        "GET",
        "/api/v1/revocation-requests/{id}/letter",
        Access::OwnerOrStaff,
    ),
    (
        "POST",
        "/api/v1/revocation-requests/{id}/review",
        Access::Verifiers,
    ),
    (
        "POST",
        "/api/v1/applications/{id}/lost-key",
        Access::OwningOwner,
    ),
    (
        "POST",
        "/api/v1/applications/{id}/revoke",
        Access::Verifiers,
    ),
    ("GET", "/api/v1/events", Access::SignedIn),
    ("GET", "/api/v1/events/stream", Access::SignedIn),
    ("GET", "/api/v1/agency-notices", Access::Verifiers),
    ("GET", "/ca/regency-ca.crt", Access::Public),
    ("GET", "/crl/regency-ca.crl", Access::Public),
    ("POST", "/tsa", Access::Public),
    ("GET", "/tsa/tsa.crt", Access::Public),
    ("POST", "/ocsp", Access::Public),
    ("GET", "/ocsp/{request}", Access::Public),
    ("POST", "/api/v1/documents", Access::Owners),
    ("GET", "/v/{id}", Access::Public),
    ("POST", "/v/{id}", Access::Public),
    ("POST", "/v", Access::Public),
    // Last: it ends the caller's session.
    ("DELETE", "/api/v1/sessions/current", Access::SignedIn),
];
