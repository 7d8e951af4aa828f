#![no_main]
// Haven's allocations counted and capped at 256 MB (fuzz/src/cap.rs).
#[global_allocator]
static ALLOCATOR: haven_fuzz::cap::Capped = haven_fuzz::cap::Capped;

libfuzzer_sys::fuzz_target!(init: haven_fuzz::cap::fail_past_cap(), |data: &[u8]| haven_fuzz::haven_json(data));
