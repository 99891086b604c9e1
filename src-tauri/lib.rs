//! Sertel desktop: the Tauri shell around `sertel-desktop-core` and `sertel-core`.
//!
//! The shell stays thin: commands (one file per feature in [`commands`]) parse their arguments,
//! call the crates and map errors to `{kind, message, detail}` ([`error::UiError`]) for the UI.

mod commands;
mod error;
mod state;
mod status_clock;
mod webview;

use std::sync::OnceLock;
use std::time::Instant;

use sertel_desktop_core::AppPaths;
use tauri::Manager;

static STARTED: OnceLock<Instant> = OnceLock::new();

/// When the process started the app (for the start-up benchmark).
pub(crate) fn started() -> Instant {
    *STARTED.get_or_init(Instant::now)
}

fn paths(app: &tauri::App) -> tauri::Result<AppPaths> {
    let resolver = app.path();
    Ok(AppPaths::new(
        resolver.app_data_dir()?,
        resolver.app_config_dir()?,
    ))
}

/// Starts the desktop application and blocks until its last window closes.
pub fn run() {
    started();
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .setup(|app| {
            let paths = paths(app)?;
            app.manage(state::AppState::new(paths));
            if let Some(window) = app.get_webview_window("main") {
                webview::tune(&window)?;
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_status,
            commands::app::app_ready,
            commands::profile::profile_get,
            commands::profile::profile_check,
            commands::profile::profile_save,
            commands::key::key_info,
            commands::key::key_meter,
            commands::key::key_create,
            commands::key::key_import,
            commands::key::key_export,
            commands::key::key_request_export,
            commands::key::key_certificate_import,
            commands::sign::sign_preview,
            commands::sign::sign_files,
            commands::validate::validate_file,
            commands::validate::validate_export_report,
            commands::server::server_session,
            commands::server::server_sign_in,
            commands::server::server_register,
            commands::server::server_sign_out,
            commands::server::server_consent,
            commands::server::letter_defaults,
            commands::server::letter_preview,
            commands::server::letter_save,
            commands::server::application_submit,
            commands::server::status_get,
            commands::server::lost_key_report,
            commands::server::revocation_request,
            commands::server::verifier_queue,
            commands::server::verifier_applications,
            commands::server::verifier_document,
            commands::server::verifier_review,
            commands::server::verifier_revoke,
            commands::server::revocation_requests,
            commands::server::revocation_letter,
            commands::server::revocation_decide,
            commands::server::application_resubmit,
            commands::server::status_follow,
            commands::server::follow_up_submit,
            commands::seal::seal_info,
            commands::seal::seal_key_create,
            commands::seal::seal_submit,
            commands::settings::settings_get,
            commands::settings::settings_save,
            commands::settings::trust_list,
            commands::settings::trust_import,
            commands::settings::trust_remove,
        ])
        .run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("sertel-desktop: gagal memulai aplikasi / failed to start: {err}");
        std::process::exit(1);
    }
}
