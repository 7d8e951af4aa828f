//! `haven oruk export`: Haven's directory as Open Referral UK 3.0 JSON.

use super::build::{check, CheckOptions};
use haven::{oruk_page, Bundle};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `haven oruk export`.
#[derive(clap::Args)]
pub struct ExportArgs {
    /// A bundle (`haven build`'s output), or input files (Haven JSON or ORUK feeds).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Where to write the ORUK page of services.
    #[arg(long)]
    out: PathBuf,
    #[command(flatten)]
    options: CheckOptions,
}

/// Runs `haven oruk export`: one ORUK 3.0 page of full service records, confidential
/// services by council area only; writes nothing when an input has errors.
pub fn run(args: &ExportArgs) -> Result<ExitCode, String> {
    let bundle = match args.inputs.as_slice() {
        [one] if is_bundle(one) => {
            let bytes = std::fs::read(one).map_err(|e| format!("{}: {e}", one.display()))?;
            Bundle::decode(&bytes).map_err(|e| format!("{}: {e}", one.display()))?
        }
        _ => {
            let (pipeline, report) = check(&args.inputs, &args.options)?;
            match pipeline.bundle(report) {
                Ok(bundle) => bundle,
                Err(report) => {
                    errln!("{}", report.render().trim_end());
                    errln!("{}; nothing written", report.summary());
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
    };
    let page = oruk_page(&bundle.services, &bundle.areas);
    let text = serde_json::to_string_pretty(&page).map_err(|e| e.to_string())?;
    let tmp = args.out.with_extension("tmp");
    std::fs::write(&tmp, text + "\n").map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, &args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    errln!(
        "{} services written to {} as Open Referral UK 3.0",
        bundle.services.len(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Whether a file starts as a bundle does.
fn is_bundle(path: &std::path::Path) -> bool {
    use std::io::Read as _;
    let mut magic = [0u8; 8];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok()
        && &magic == b"HAVENDIR"
}
