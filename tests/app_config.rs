//! The desktop app's configuration points at files that exist and are of the kind Tauri
//! needs: the web UI's entry page, and RGBA PNG icons of the declared sizes.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn config() -> serde_json::Value {
    let text = std::fs::read_to_string(root().join("tauri.conf.json")).expect("tauri.conf.json");
    serde_json::from_str(&text).expect("tauri.conf.json is JSON")
}

#[test]
fn the_ui_entry_page_exists_and_speaks_indonesian_first() {
    let dist = config()["build"]["frontendDist"]
        .as_str()
        .expect("frontendDist")
        .to_string();
    let index = std::fs::read_to_string(root().join(dist).join("index.html")).expect("index.html");
    assert!(index.contains("<html lang=\"id\">"), "{index}");
}

#[test]
fn the_bundle_icons_are_rgba_pngs_of_their_named_size() {
    let conf = config();
    let icons = conf["bundle"]["icon"].as_array().expect("icons");
    assert!(!icons.is_empty());
    for icon in icons {
        let path = root().join(icon.as_str().expect("icon path"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{}", path.display());
        let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
        let height = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
        assert_eq!(width, height, "{}", path.display());
        assert_eq!(bytes[25], 6, "{}: colour type must be RGBA", path.display());
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if let Some(size) = name.split('x').next().and_then(|s| s.parse::<u32>().ok()) {
            let scale = if name.contains("@2x") { 2 } else { 1 };
            assert_eq!(width, size * scale, "{name}");
        }
    }
}

#[test]
fn the_version_matches_the_package() {
    assert_eq!(config()["version"], env!("CARGO_PKG_VERSION"));
}
