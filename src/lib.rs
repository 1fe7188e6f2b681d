//! NTM Atlas, the browser app: Leptos components over the pure `ntm-core` crate.
//!
//! Data flow: [`fetch`] loads the dataset → [`state`] holds it with the URL-backed view →
//! [`components`] render memos of `ntm-core` functions. `main.rs` only calls [`start`].

pub mod app;
pub mod browser;
pub mod components;
pub mod fetch;
pub mod state;

/// Installs the panic hook and mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
