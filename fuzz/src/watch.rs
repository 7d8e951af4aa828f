//! The watchdog: a thread that ends the run, saying which input did it, when one input
//! runs longer than the time limit or allocates past the cap (src/cap.rs). Neither can
//! be caught where it happens.

use haven_fuzz::cap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The input being run, and when it started.
type Running = Option<(Instant, Vec<u8>)>;

/// The input being run and when it started.
#[derive(Clone, Default)]
pub struct Watch {
    current: Arc<Mutex<Running>>,
}

impl Watch {
    /// Starts the thread: `report(why, input)` is called once, then the process exits 1.
    pub fn start(limit: Duration, report: impl Fn(&str, &[u8]) + Send + 'static) -> Watch {
        let watch = Watch::default();
        let current = Arc::clone(&watch.current);
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(50));
            let why = {
                let guard = current.lock().unwrap_or_else(|e| e.into_inner());
                guard.as_ref().and_then(|(started, input)| {
                    let why = if let Some(bytes) = cap::exceeded() {
                        format!(
                            "allocated past {} MB (an allocation would have held {} MB)",
                            cap::CAP_BYTES >> 20,
                            bytes >> 20
                        )
                    } else if started.elapsed() > limit {
                        format!("ran for more than {} s", limit.as_secs())
                    } else {
                        return None;
                    };
                    Some((why, input.clone()))
                })
            };
            if let Some((why, input)) = why {
                cap::set(false);
                report(&why, &input);
                std::process::exit(1);
            }
        });
        watch
    }

    /// Runs `f` on `input`, watched.
    pub fn run<T>(&self, input: &[u8], f: impl FnOnce() -> T) -> T {
        let copy = input.to_vec();
        *self.lock() = Some((Instant::now(), copy));
        let out = f();
        *self.lock() = None;
        out
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Running> {
        self.current.lock().unwrap_or_else(|e| e.into_inner())
    }
}
