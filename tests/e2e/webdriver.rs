//! A small W3C WebDriver client over plain HTTP (what tauri-driver speaks): sessions, elements
//! by CSS selector, typing, clicking, scripts and screenshots. Waiting is done in the page: an
//! async script resolves as soon as a condition holds (checked on every DOM change) or when its
//! deadline passes, so the test never sleeps for a guessed time.

use std::time::Duration;

use base64::Engine;
use serde_json::{json, Value};

/// The key W3C gives element references in JSON.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A WebDriver error or an unexpected answer.
#[derive(Debug)]
pub struct DriverError(pub String);

impl DriverError {
    /// Whether the element was replaced (a screen redrawn by a pushed change) between being
    /// found and being used, or while being found: the same lookup again finds its successor.
    pub fn is_stale(&self) -> bool {
        self.0.contains("stale element reference")
    }
}

impl std::fmt::Display for DriverError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What every call returns.
pub type DriverResult<T> = Result<T, DriverError>;

/// One open session.
pub struct Session {
    agent: ureq::Agent,
    base: String,
    id: String,
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into()
}

fn request(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    body: Option<&Value>,
) -> DriverResult<Value> {
    let fail = |e: ureq::Error| DriverError(format!("{method} {url}: {e}"));
    let mut response = match (method, body) {
        ("GET", _) => agent.get(url).call().map_err(fail)?,
        ("DELETE", _) => agent.delete(url).call().map_err(fail)?,
        (_, body) => agent
            .post(url)
            .header("Content-Type", "application/json")
            .send(body.unwrap_or(&json!({})).to_string())
            .map_err(fail)?,
    };
    let status = response.status();
    let text = response
        .body_mut()
        .with_config()
        .limit(64 * 1024 * 1024)
        .read_to_string()
        .map_err(fail)?;
    let value: Value = serde_json::from_str(&text)
        .map_err(|e| DriverError(format!("{method} {url}: {status}: not JSON ({e}): {text}")))?;
    if !status.is_success() {
        return Err(DriverError(format!(
            "{method} {url}: {status}: {}",
            value["value"]
        )));
    }
    Ok(value["value"].clone())
}

impl Session {
    /// Opens a session on the driver at `base` (`http://127.0.0.1:PORT`) for the app binary.
    pub fn start(base: &str, application: &str) -> DriverResult<Session> {
        let agent = agent();
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "wry",
            "tauri:options": {"application": application},
        }}});
        let value = request(&agent, "POST", &format!("{base}/session"), Some(&caps))?;
        let id = value["sessionId"]
            .as_str()
            .ok_or_else(|| DriverError(format!("no session id in {value}")))?
            .to_owned();
        let session = Session {
            agent,
            base: base.to_owned(),
            id,
        };
        session.post("timeouts", &json!({"script": 120_000}))?;
        Ok(session)
    }

    fn url(&self, path: &str) -> String {
        format!("{}/session/{}/{path}", self.base, self.id)
    }

    fn post(&self, path: &str, body: &Value) -> DriverResult<Value> {
        request(&self.agent, "POST", &self.url(path), Some(body))
    }

    fn get(&self, path: &str) -> DriverResult<Value> {
        request(&self.agent, "GET", &self.url(path), None)
    }

    /// The element matching `css` (the first one).
    pub fn find(&self, css: &str) -> DriverResult<Element<'_>> {
        let value = self.post("element", &json!({"using": "css selector", "value": css}))?;
        let id = value[ELEMENT_KEY]
            .as_str()
            .ok_or_else(|| DriverError(format!("{css}: no element in {value}")))?
            .to_owned();
        Ok(Element { session: self, id })
    }

    /// Runs `script` (a function body; `arguments` holds `args`) and returns its value.
    pub fn script(&self, script: &str, args: Value) -> DriverResult<Value> {
        self.post("execute/sync", &json!({"script": script, "args": args}))
    }

    /// Waits until the JavaScript expression `condition` is truthy, re-evaluated on every DOM
    /// change, for at most `deadline`; fails naming `what` and the page's state otherwise.
    pub fn wait_for(&self, what: &str, condition: &str, deadline: Duration) -> DriverResult<()> {
        let script = format!(
            r#"const done = arguments[arguments.length - 1];
            const test = () => {{ try {{ return Boolean({condition}); }} catch (e) {{ return false; }} }};
            if (test()) {{ done(true); return; }}
            const observer = new MutationObserver(() => {{
              if (test()) {{ observer.disconnect(); clearTimeout(timer); done(true); }}
            }});
            observer.observe(document, {{subtree: true, childList: true, attributes: true, characterData: true}});
            const timer = setTimeout(() => {{ observer.disconnect(); done(test()); }}, {ms});"#,
            ms = deadline.as_millis()
        );
        let met = self.post("execute/async", &json!({"script": script, "args": []}))?;
        if met.as_bool() == Some(true) {
            return Ok(());
        }
        let state = self.script(
            "return {screen: document.body.dataset.screen, text: document.querySelector('.screen.active')?.innerText?.slice(0, 1500)};",
            json!([]),
        )?;
        Err(DriverError(format!(
            "gave up after {deadline:?} waiting for {what} ({condition}); page: {state}"
        )))
    }

    /// Drags `element` by (`dx`, `dy`) CSS pixels with the mouse, as a person would.
    pub fn drag(&self, element: &Element<'_>, dx: i64, dy: i64) -> DriverResult<()> {
        // Pointer actions do not scroll: bring the element to the middle of the window first.
        self.script(
            "arguments[0].scrollIntoView({block: 'center', inline: 'center'});",
            json!([{ ELEMENT_KEY: element.id }]),
        )?;
        let origin = json!({ ELEMENT_KEY: element.id });
        let actions = json!({"actions": [{
            "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
            "actions": [
                {"type": "pointerMove", "duration": 0, "origin": origin, "x": 0, "y": 0},
                {"type": "pointerDown", "button": 0},
                {"type": "pointerMove", "duration": 150, "origin": "pointer", "x": dx, "y": dy},
                {"type": "pointerUp", "button": 0},
            ],
        }]});
        self.post("actions", &actions)?;
        request(&self.agent, "DELETE", &self.url("actions"), None).map(|_| ())
    }

    /// Waits until the page has drawn its current state (two animation frames), so a
    /// screenshot shows what the DOM says.
    pub fn painted(&self) -> DriverResult<()> {
        let script = "const done = arguments[arguments.length - 1]; \
                      requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
        self.post("execute/async", &json!({"script": script, "args": []}))
            .map(|_| ())
    }

    /// The window's PNG screenshot.
    pub fn screenshot(&self) -> DriverResult<Vec<u8>> {
        let value = self.get("screenshot")?;
        let b64 = value
            .as_str()
            .ok_or_else(|| DriverError("screenshot is not a string".into()))?;
        base64::engine::general_purpose::STANDARD
            .decode(b64)
            .map_err(|e| DriverError(format!("screenshot: {e}")))
    }

    /// Closes the session (and with it the app).
    pub fn close(&self) -> DriverResult<()> {
        request(
            &self.agent,
            "DELETE",
            &format!("{}/session/{}", self.base, self.id),
            None,
        )
        .map(|_| ())
    }
}

/// An element of the page.
pub struct Element<'s> {
    session: &'s Session,
    id: String,
}

impl Element<'_> {
    fn path(&self, what: &str) -> String {
        format!("element/{}/{what}", self.id)
    }

    /// Clicks it.
    pub fn click(&self) -> DriverResult<()> {
        self.session
            .post(&self.path("click"), &json!({}))
            .map(|_| ())
    }

    /// Empties an input.
    pub fn clear(&self) -> DriverResult<()> {
        self.session
            .post(&self.path("clear"), &json!({}))
            .map(|_| ())
    }

    /// Types `text` into it.
    pub fn send_keys(&self, text: &str) -> DriverResult<()> {
        self.session
            .post(&self.path("value"), &json!({"text": text}))
            .map(|_| ())
    }

    /// Its visible text.
    pub fn text(&self) -> DriverResult<String> {
        let value = self.session.get(&self.path("text"))?;
        Ok(value.as_str().unwrap_or_default().to_owned())
    }

    /// The value of its attribute `name`, if set.
    pub fn attribute(&self, name: &str) -> DriverResult<Option<String>> {
        let value = self.session.get(&self.path(&format!("attribute/{name}")))?;
        Ok(value.as_str().map(str::to_owned))
    }
}
