//! The components of the page, one per file.

pub mod atlas;
pub mod controls;
pub mod detail;
pub mod error_panel;
pub mod header;
pub mod legend;
pub mod map;
pub mod summary;
