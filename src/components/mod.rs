//! The components of the page, one per file.

pub mod error_panel;
pub mod header;
pub mod summary;
