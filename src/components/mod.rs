//! The components of the page, one per file.

pub mod about;
pub mod atlas;
pub mod chart_canvas;
pub mod charts;
pub mod controls;
pub mod detail;
pub mod error_panel;
pub mod header;
pub mod inset;
pub mod legend;
pub mod map;
pub mod markup_view;
pub mod offline;
pub mod pages;
pub mod picture;
pub mod profile;
pub mod scope_picker;
pub mod search;
pub mod share;
pub mod summary;
pub mod table;
