//! URL codec: from_query → to_query → from_query is stable; resolve never fails.
#![no_main]

use std::sync::LazyLock;

use ntm_core::index::DatasetIndex;

static INDEX: LazyLock<DatasetIndex> = LazyLock::new(ntm_fuzz::tiny_index);

libfuzzer_sys::fuzz_target!(|data: &[u8]| ntm_fuzz::url(data, &INDEX));
