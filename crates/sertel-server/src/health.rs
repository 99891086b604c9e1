//! `GET /api/v1/health`: whether this instance serves and reaches its database, for load
//! balancers, monitoring and scripts that wait for a started server.
//!
//! 200 `{"status":"ok","database":"sqlite"|"postgres"}` after a round trip to the database;
//! 503 with the API's bilingual error when the database does not answer. Public and cheap: no
//! secret, no count of anything.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::db::Backend;
use crate::{ApiError, AppState};

/// Answers the health check.
pub async fn health(State(state): State<AppState>) -> Response {
    match sqlx::query("SELECT 1").execute(state.db().pool()).await {
        Ok(_) => {
            let database = match state.db().backend() {
                Backend::Sqlite => "sqlite",
                Backend::Postgres => "postgres",
            };
            Json(json!({"status": "ok", "database": database})).into_response()
        }
        Err(e) => {
            tracing::warn!(error = %e, "health check: the database does not answer");
            ApiError::Unavailable.into_response()
        }
    }
}
