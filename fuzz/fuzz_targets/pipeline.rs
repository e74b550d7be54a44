//! The fuzz target: each input through the app's whole path (see `ai_race_fuzz::run`).
//! Built and run by `cargo xtask fuzz`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[global_allocator]
static ALLOC: ai_race_fuzz::CountingAlloc = ai_race_fuzz::CountingAlloc;

fuzz_target!(|input: &[u8]| {
    ai_race_fuzz::run(input);
});
