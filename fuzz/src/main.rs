//! The stable fuzz harness (what `make fuzz` runs where no nightly toolchain is
//! installed): each target's committed seeds, then edited seeds (src/mutate.rs) for a
//! bounded time, under a 256 MB allocation cap and a per-input time limit. A failing
//! input is shrunk, saved under fuzz/artifacts/TARGET/ and replayable.
//!
//!   haven-fuzz [TARGET...] [--seconds N]   fuzz each target (all by default) N s (10)
//!   haven-fuzz replay TARGET FILE...       run saved inputs once
#![forbid(unsafe_code)]

mod mutate;
mod watch;

use haven_fuzz::{cap, Target, TARGETS};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOCATOR: cap::Capped = cap::Capped;

/// The longest one input may run.
const INPUT_LIMIT: Duration = Duration::from_secs(10);

static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::panic::set_hook(Box::new(|info| {
        *LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()) = info.to_string();
    }));
    let code = match args.first().map(String::as_str) {
        Some("replay") => replay(&args[1..]),
        _ => fuzz(&args),
    };
    std::process::exit(code);
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn target(name: &str) -> Result<&'static Target, String> {
    TARGETS.iter().find(|t| t.name == name).ok_or_else(|| {
        let names: Vec<_> = TARGETS.iter().map(|t| t.name).collect();
        format!("expected a target ({}), found {name:?}", names.join(", "))
    })
}

/// The seed files of a target, in name order.
fn seeds(target: &Target) -> Result<Vec<Vec<u8>>, String> {
    let dir = root().join("corpus").join(target.name);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: expected a seed corpus, {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display())))
        .collect()
}

/// Runs one input, giving the panic's message if it panicked.
fn run_one(target: &Target, input: &[u8]) -> Result<(), String> {
    catch_unwind(AssertUnwindSafe(|| (target.run)(input)))
        .map_err(|_| LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()).clone())
}

/// Saves a failing input where cargo-fuzz would, and says how to replay it.
fn save(target: &str, why: &str, input: &[u8]) {
    let dir = root().join("artifacts").join(target);
    let hash = input.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let path = dir.join(format!("crash-{hash:016x}"));
    let saved = std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(&path, input));
    eprintln!("fuzz {target}: FAILED: {why}");
    eprintln!(
        "  input ({} bytes): {:?}",
        input.len(),
        String::from_utf8_lossy(&input[..input.len().min(300)])
    );
    match saved {
        Ok(()) => eprintln!(
            "  saved as {}; replay: cargo run -p haven-fuzz --features stable -- replay {target} {}",
            path.display(),
            path.display()
        ),
        Err(e) => eprintln!("  could not be saved to {}: {e}", path.display()),
    }
}

fn fuzz(args: &[String]) -> i32 {
    let mut seconds = 10u64;
    let mut names = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--seconds" {
            match args.next().and_then(|s| s.parse().ok()) {
                Some(s) => seconds = s,
                None => {
                    eprintln!("haven-fuzz: --seconds: expected a whole number of seconds");
                    return 2;
                }
            }
        } else {
            names.push(arg.clone());
        }
    }
    let targets: Result<Vec<_>, _> = if names.is_empty() {
        Ok(TARGETS.iter().collect())
    } else {
        names.iter().map(|n| target(n)).collect()
    };
    let targets = match targets {
        Ok(t) => t,
        Err(e) => {
            eprintln!("haven-fuzz: {e}");
            return 2;
        }
    };
    let watch = watch::Watch::start(INPUT_LIMIT, |why, input| {
        let name = LAST_TARGET.lock().map(|s| s.clone()).unwrap_or_default();
        save(&name, why, input);
    });
    for target in targets {
        if let Err(why) = fuzz_target(target, Duration::from_secs(seconds), &watch) {
            eprintln!("{why}");
            return 1;
        }
    }
    0
}

static LAST_TARGET: Mutex<String> = Mutex::new(String::new());

fn fuzz_target(target: &Target, time: Duration, watch: &watch::Watch) -> Result<(), String> {
    *LAST_TARGET.lock().unwrap_or_else(|e| e.into_inner()) = target.name.to_string();
    let seeds = seeds(target)?;
    // Load the targets' shared tables before the cap and the clock start.
    for seed in &seeds {
        watch.run(seed, || run_one(target, seed)).map_err(|why| {
            save(target.name, &why, seed);
            format!("fuzz {}: a committed seed fails", target.name)
        })?;
    }
    cap::set(true);
    let strategy = mutate::inputs(seeds.clone(), target.dictionary);
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed_of(target.name));
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let started = Instant::now();
    let mut runs = 0u64;
    while started.elapsed() < time {
        let mut tree = strategy
            .new_tree(&mut runner)
            .map_err(|e| format!("fuzz {}: no input: {e}", target.name))?;
        let input = tree.current();
        runs += 1;
        if let Err(why) = watch.run(&input, || run_one(target, &input)) {
            let (smallest, why) = shrink(target, &mut tree, input, why, watch);
            cap::set(false);
            save(target.name, &why, &smallest);
            return Err(format!("fuzz {}: failed after {runs} inputs", target.name));
        }
    }
    cap::set(false);
    println!(
        "fuzz {}: {} seeds and {runs} edited inputs in {:.1} s, none failed",
        target.name,
        seeds.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Proptest's shrinking, driven by hand so the clock and the watchdog stay in charge.
fn shrink(
    target: &Target,
    tree: &mut impl ValueTree<Value = Vec<u8>>,
    mut smallest: Vec<u8>,
    mut why: String,
    watch: &watch::Watch,
) -> (Vec<u8>, String) {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30) && tree.simplify() {
        loop {
            let input = tree.current();
            match watch.run(&input, || run_one(target, &input)) {
                Err(still) => {
                    smallest = input;
                    why = still;
                    break;
                }
                Ok(()) if tree.complicate() => continue,
                Ok(()) => return (smallest, why),
            }
        }
    }
    (smallest, why)
}

/// Each target's own fixed seed, so a failure found in CI is found again locally.
fn seed_of(name: &str) -> [u8; 32] {
    let mut seed = [0x5au8; 32];
    for (i, b) in name.bytes().enumerate() {
        seed[i % 32] ^= b;
    }
    seed
}

fn replay(args: &[String]) -> i32 {
    let Some((name, files)) = args.split_first() else {
        eprintln!("haven-fuzz replay: expected a target and files");
        return 2;
    };
    let target = match target(name) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("haven-fuzz replay: {e}");
            return 2;
        }
    };
    let mut failed = 0;
    for file in files {
        let input = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{file}: {e}");
                return 2;
            }
        };
        match run_one(target, &input) {
            Ok(()) => println!("{file}: passes"),
            Err(why) => {
                println!("{file}: FAILS: {why}");
                failed += 1;
            }
        }
    }
    i32::from(failed > 0)
}
