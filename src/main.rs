//! Entry point of the browser app.

fn main() {
    ntm_atlas::start();
}
