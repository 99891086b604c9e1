//! A blocking HTTP client for tests against the real binary (ureq): statuses are answers, not
//! errors; an `Err` means no answer (connection refused or reset).

use serde_json::Value;

use super::multipart;

pub struct Http {
    agent: ureq::Agent,
    base: String,
}

pub struct Answer {
    pub status: u16,
    pub headers: ureq::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    /// A header's value, if present and text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}), status {}: {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }
}

fn answer(r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Result<Answer, ureq::Error> {
    let mut r = r?;
    let status = r.status().as_u16();
    let headers = r.headers().clone();
    let body = r.body_mut().read_to_vec()?;
    Ok(Answer {
        status,
        headers,
        body,
    })
}

impl Http {
    pub fn new(base: &str) -> Http {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(std::time::Duration::from_secs(60)))
            .build()
            .new_agent();
        Http {
            agent,
            base: base.trim_end_matches('/').to_owned(),
        }
    }

    pub fn get(&self, path: &str, token: Option<&str>) -> Result<Answer, ureq::Error> {
        let mut req = self.agent.get(format!("{}{path}", self.base));
        if let Some(t) = token {
            req = req.header("authorization", format!("Bearer {t}"));
        }
        answer(req.call())
    }

    pub fn post(
        &self,
        path: &str,
        token: Option<&str>,
        headers: &[(&str, &str)],
        content_type: &str,
        body: &[u8],
    ) -> Result<Answer, ureq::Error> {
        let mut req = self
            .agent
            .post(format!("{}{path}", self.base))
            .header("content-type", content_type);
        if let Some(t) = token {
            req = req.header("authorization", format!("Bearer {t}"));
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        answer(req.send(body))
    }

    pub fn post_json(
        &self,
        path: &str,
        token: Option<&str>,
        json: &Value,
    ) -> Result<Answer, ureq::Error> {
        self.post(
            path,
            token,
            &[],
            "application/json",
            json.to_string().as_bytes(),
        )
    }

    /// A multipart POST with an `Idempotency-Key`.
    pub fn post_form(
        &self,
        path: &str,
        token: &str,
        idempotency_key: &str,
        fields: &[(&str, Vec<u8>)],
    ) -> Result<Answer, ureq::Error> {
        self.post(
            path,
            Some(token),
            &[("idempotency-key", idempotency_key)],
            &format!("multipart/form-data; boundary={}", multipart::BOUNDARY),
            &multipart::body(fields),
        )
    }
}
