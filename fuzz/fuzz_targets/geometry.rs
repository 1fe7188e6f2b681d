//! Geometry file: parser, decoder, ring checks, map model and rasterizer.
#![no_main]

use std::sync::LazyLock;

use ntm_core::index::DatasetIndex;

static INDEX: LazyLock<DatasetIndex> = LazyLock::new(ntm_fuzz::tiny_index);

libfuzzer_sys::fuzz_target!(|data: &[u8]| ntm_fuzz::geometry(data, &INDEX));
