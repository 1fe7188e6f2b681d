//! NTM Atlas core: everything about the New Rural Development data that needs no browser.
//!
//! The pipeline, in the order data flows through it:
//! [`load`] (bytes → [`model::Dataset`]) → [`validate`] (located problems) →
//! [`index`] (lookups, status of a commune on a date) → [`summary`] (headline numbers) and
//! [`targets`] (targets and published figures against the records); from the index the pages'
//! models: [`chart_data`] → [`charts`] (layout and drawing on any plotters backend),
//! [`table`] (rows, sorting, filters, CSV), [`search`] (both eras, former names) and
//! [`markup`] (escaped HTML of the text-heavy pages).
//! Around it: [`i18n`] (the message catalogue), [`format`](mod@format) (Vietnamese and English
//! numbers), [`text`] (diacritics-insensitive search, Vietnamese sorting), [`date`] and
//! [`criteria`] (the national criteria sets, built in).

/// Chart models: the numbers behind each chart.
pub mod chart_data;
/// Chart drawing, generic over the plotters backend.
pub mod charts;
pub mod criteria;
pub mod date;
pub mod format;
pub mod geometry;
pub mod i18n;
pub mod index;
pub mod load;
pub mod map;
/// The key to the map's colours (the legend and a map picture's key).
pub mod map_key;
/// Escaped HTML for the content-heavy parts of the pages.
pub mod markup;
pub mod model;
pub mod names;
pub mod order;
pub mod palette;
pub mod search;
pub mod summary;
/// The table of units: rows, sorting, filtering and CSV.
pub mod table;
/// Targets and published figures against the records.
pub mod targets;
pub mod text;
pub mod validate;
pub mod view;
