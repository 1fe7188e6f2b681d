//! The fuzz targets' shared harness (see `harness.rs`).

mod harness;
pub use harness::*;
