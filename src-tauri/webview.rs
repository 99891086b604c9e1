//! WebKitGTK settings for the app's web view, chosen for memory and start-up (measured with
//! `scripts/bench/app-start.sh`, figures in docs/benchmarks.md):
//!
//! - hardware acceleration off: the app's screens are plain documents with no animation, video
//!   or WebGL, and without a GPU (or with Mesa's software renderer) accelerated compositing costs
//!   about 80 MiB in the web process (GL buffers and the LLVM pipeline) and start-up time. A web
//!   view driven by WebDriver (the end-to-end tests) keeps the default: WebKitGTK 2.50 never
//!   answers a WebDriver screenshot of a web view drawn without acceleration;
//! - the document-viewer cache model: no memory cache of pages and resources the app never
//!   loads twice from the network (everything comes from the app itself);
//! - no page (back/forward) cache: the app is one page and never navigates back.

/// Applies the settings to the main window's web view. Settings that WebKitGTK does not offer
/// on this system leave the defaults in place; the app works the same either way.
#[cfg(target_os = "linux")]
pub fn tune(window: &tauri::WebviewWindow) -> tauri::Result<()> {
    window.with_webview(|webview| {
        use webkit2gtk::{
            CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
        };
        let view = webview.inner();
        if let Some(context) = view.context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
        if let Some(settings) = WebViewExt::settings(&view) {
            if !view.is_controlled_by_automation() {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
            settings.set_enable_page_cache(false);
        }
    })
}

/// Other systems keep their web view's defaults.
#[cfg(not(target_os = "linux"))]
pub fn tune(_window: &tauri::WebviewWindow) -> tauri::Result<()> {
    Ok(())
}
