//! Entry point of the browser app.

fn main() {
    // Mounting the app is a task of its own, not the end of the one that compiled and
    // instantiated the wasm: on a slow phone each is long enough to block input on its own.
    leptos::prelude::set_timeout(ntm_atlas::start, std::time::Duration::ZERO);
}
