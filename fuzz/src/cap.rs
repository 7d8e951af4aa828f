//! The 256 MB allocation cap. No input may make Haven hold more than this at once (a
//! phone has little memory, and a wasm instance that cannot grow stops every search on
//! the page). Both harnesses count Haven's allocations with [`Capped`]. Under libFuzzer an
//! allocation past the cap fails, Rust aborts, and libFuzzer saves the input as a crash.
//! Under the stable harness it never returns: its thread waits, and the watchdog
//! (src/watch.rs) reports the input and exits, which an abort would not allow.
#![allow(unsafe_code)] // GlobalAlloc is an unsafe trait: there is no safe way to count.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The most bytes live at once.
pub const CAP_BYTES: usize = 256 * 1024 * 1024;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static OVER: AtomicUsize = AtomicUsize::new(0);
static CAPPED: AtomicBool = AtomicBool::new(false);
static WAIT: AtomicBool = AtomicBool::new(false);

/// The system allocator, counting.
pub struct Capped;

// SAFETY: every call is passed to System unchanged; only the count is added.
unsafe impl GlobalAlloc for Capped {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !admit(layout.size()) {
            return std::ptr::null_mut();
        }
        System.alloc(layout)
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if !admit(layout.size()) {
            return std::ptr::null_mut();
        }
        System.alloc_zeroed(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            if !admit(new_size - layout.size()) {
                return std::ptr::null_mut();
            }
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        System.realloc(ptr, layout, new_size)
    }
}

/// Counts `size` more bytes; false when they would pass the cap while it is on (after
/// waiting forever, for the watchdog, if it is to wait).
fn admit(size: usize) -> bool {
    let live = LIVE.fetch_add(size, Ordering::Relaxed).saturating_add(size);
    if live <= CAP_BYTES || !CAPPED.load(Ordering::Relaxed) {
        return true;
    }
    LIVE.fetch_sub(size, Ordering::Relaxed);
    OVER.store(live, Ordering::SeqCst);
    while WAIT.load(Ordering::Relaxed) {
        std::thread::park();
    }
    false
}

/// Turns the cap on or off; the stable harness turns it on after its own tables are
/// loaded, and has an allocation past it wait for the watchdog.
pub fn set(on: bool) {
    WAIT.store(true, Ordering::SeqCst);
    CAPPED.store(on, Ordering::SeqCst);
}

/// Turns the cap on with allocations past it failing: libFuzzer's targets call this
/// once, before the first input.
pub fn fail_past_cap() {
    WAIT.store(false, Ordering::SeqCst);
    CAPPED.store(true, Ordering::SeqCst);
}

/// The total an allocation would have reached when it was stopped, if one was.
pub fn exceeded() -> Option<usize> {
    match OVER.load(Ordering::SeqCst) {
        0 => None,
        bytes => Some(bytes),
    }
}
