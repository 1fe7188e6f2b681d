//! Statistics file: parser, validator, index and summaries.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ntm_fuzz::dataset(data));
