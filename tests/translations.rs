//! Every string of the app is translated: the Indonesian and English dictionaries
//! (`ui/i18n/*.json`) hold the same keys, none empty, and every key the page (`data-i18n…`) or
//! the scripts (a quoted `namespace.key`, or a `namespace.${…}` template) ask for is in both.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn ui() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/ui"))
}

fn dictionary(lang: &str) -> BTreeMap<String, String> {
    let path = ui().join("i18n").join(format!("{lang}.json"));
    let text = std::fs::read_to_string(&path).expect("dictionary");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The scripts of the UI, by file name.
fn scripts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(ui().join("js")).expect("ui/js") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "js") {
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            out.push((name, std::fs::read_to_string(&path).expect("script")));
        }
    }
    assert!(out.len() > 5, "the UI's scripts not found");
    out
}

/// The values of `attribute="…"` in `html`.
fn attribute_values<'h>(html: &'h str, attribute: &str) -> Vec<&'h str> {
    let marker = format!(" {attribute}=\"");
    html.match_indices(&marker)
        .filter_map(|(at, _)| {
            let rest = &html[at + marker.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

/// The strings quoted with `"` or `'` in `script` (no escapes inside: keys never have them).
fn quoted(script: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = script;
    while let Some(start) = rest.find(['"', '\'']) {
        let quote = rest.as_bytes()[start] as char;
        let body = &rest[start + 1..];
        let Some(end) = body.find([quote, '\n']) else {
            break;
        };
        out.push(&body[..end]);
        rest = &body[end + 1..];
    }
    out
}

/// Whether `s` has the shape of a key: `namespace.name`, lower case, digits and `_`.
fn key_shaped(s: &str) -> bool {
    let mut parts = s.split('.');
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let word = |w: &str| {
        !w.is_empty()
            && w.starts_with(|c: char| c.is_ascii_lowercase())
            && w.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    };
    word(a) && word(b)
}

#[test]
fn both_languages_hold_the_same_keys_and_no_empty_string() {
    let id = dictionary("id");
    let en = dictionary("en");
    let only = |a: &BTreeMap<String, String>, b: &BTreeMap<String, String>| -> Vec<String> {
        a.keys().filter(|k| !b.contains_key(*k)).cloned().collect()
    };
    assert_eq!(only(&id, &en), Vec::<String>::new(), "only in Indonesian");
    assert_eq!(only(&en, &id), Vec::<String>::new(), "only in English");
    for (lang, dict) in [("id", &id), ("en", &en)] {
        let empty: Vec<&String> = dict
            .iter()
            .filter(|(_, v)| v.trim().is_empty())
            .map(|(k, _)| k)
            .collect();
        assert!(empty.is_empty(), "{lang}: empty strings {empty:?}");
    }
    assert!(id.len() > 300, "{} keys", id.len());
}

#[test]
fn every_key_the_page_and_the_scripts_ask_for_is_translated() {
    let id = dictionary("id");
    let namespaces: BTreeSet<&str> = id
        .keys()
        .filter_map(|k| k.split_once('.').map(|(n, _)| n))
        .collect();
    let mut missing = Vec::new();
    let mut wanted = 0;

    let html = std::fs::read_to_string(ui().join("index.html")).expect("index.html");
    for attribute in ["data-i18n", "data-i18n-placeholder"] {
        for key in attribute_values(&html, attribute) {
            wanted += 1;
            if !id.contains_key(key) {
                missing.push(format!("index.html {attribute}: {key}"));
            }
        }
    }

    for (name, script) in scripts() {
        for key in quoted(&script) {
            let namespace = key.split('.').next().unwrap_or_default();
            if key_shaped(key) && namespaces.contains(namespace) {
                wanted += 1;
                if !id.contains_key(key) {
                    missing.push(format!("{name}: {key}"));
                }
            }
        }
        // Keys made at run time (`state.${…}`, `key.score_${…}`): their prefix must name some.
        for (at, _) in script.match_indices("t(`") {
            let template = &script[at + 3..];
            let Some(prefix) = template.split("${").next() else {
                continue;
            };
            if prefix.contains('`') {
                continue;
            }
            wanted += 1;
            if !id.keys().any(|k| k.starts_with(prefix)) {
                missing.push(format!("{name}: {prefix}…"));
            }
        }
    }
    assert!(wanted > 300, "only {wanted} keys found in the UI");
    assert!(missing.is_empty(), "not translated: {missing:#?}");
}

#[test]
fn the_key_finder_sees_keys_and_nothing_else() {
    let script = r#"t("sign.box"); node.dataset.i18n = seal ? 'sign.box_seal' : "sign.box"; fetch("i18n/id.json"); x = "index.html";"#;
    let keys: Vec<&str> = quoted(script)
        .into_iter()
        .filter(|k| key_shaped(k))
        .collect();
    assert_eq!(
        keys,
        ["sign.box", "sign.box_seal", "sign.box", "index.html"]
    );
    assert!(!key_shaped("i18n/id.json") && !key_shaped("a.b.c") && !key_shaped("Sign.box"));
    assert_eq!(
        attribute_values(
            r#"<p data-i18n="a.b">x</p><i data-i18n-placeholder="c.d">"#,
            "data-i18n"
        ),
        ["a.b"]
    );
}
