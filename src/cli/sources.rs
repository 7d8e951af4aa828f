//! `haven sources`: the table in data/sources/ of every record, each field it states,
//! its source with the source's own date, and when it was last checked against it.

use super::build::{check, CheckOptions};
use haven::{Gender, Need, Place, Service};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `haven sources`.
#[derive(clap::Args)]
pub struct SourcesArgs {
    /// Input files (the starter directory: data/directory.json).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Where to write the table (Markdown); printed when absent.
    #[arg(long)]
    out: Option<PathBuf>,
    #[command(flatten)]
    options: CheckOptions,
}

/// Runs `haven sources`.
pub fn run(args: &SourcesArgs) -> Result<ExitCode, String> {
    let (_, report) = check(&args.inputs, &args.options)?;
    if report.has_errors() {
        errln!("{}", report.render().trim_end());
        return Ok(ExitCode::FAILURE);
    }
    let table = table(&report.services);
    match &args.out {
        Some(path) => {
            std::fs::write(path, &table).map_err(|e| format!("{}: {e}", path.display()))?;
            errln!(
                "{} records written to {}",
                report.services.len(),
                path.display()
            );
        }
        None => outln!("{}", table.trim_end()),
    }
    Ok(ExitCode::SUCCESS)
}

/// The Markdown table, one row per record.
fn table(services: &[Service]) -> String {
    let mut out = String::from(
        "# Where every starter record comes from\n\n\
         Written by `make sources` (`haven sources data/directory.json --out data/sources/records.md`); \
         do not edit by hand. Each row lists the fields the record states: every other field is unknown, \
         never assumed. The quotes behind each field are in `starter-directory-sources.md`.\n\n\
         | record | kind | fields it states | source | source dated | last checked |\n\
         |---|---|---|---|---|---|\n",
    );
    for s in services {
        let source = match &s.provenance.url {
            Some(url) => format!("[{}]({url})", cell(&s.provenance.source)),
            None => cell(&s.provenance.source),
        };
        let mut dated = s
            .provenance
            .date
            .clone()
            .unwrap_or_else(|| "not stated".into());
        if let Some(ends) = &s.provenance.contract_ends {
            let _ = write!(dated, "; contract ends {ends}");
        }
        let example = if s.provenance.example {
            " (example)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "| {}{example} (`{}`) | {} | {} | {source} | {dated} | {} |",
            cell(&s.name),
            s.id,
            s.kind.code(),
            fields(s).join(", "),
            s.provenance.verified_on
        );
    }
    out
}

/// The fields a record states, with the values that matter for checking.
fn fields(s: &Service) -> Vec<String> {
    let mut f = Vec::new();
    match &s.place {
        Place::Exact {
            address,
            postcode,
            area,
            ..
        } => {
            f.push(format!("location ({area})"));
            if address.is_some() {
                f.push("address".into());
            }
            if postcode.is_some() {
                f.push("postcode".into());
            }
        }
        Place::Area { area } => f.push(format!("area {area} (confidential)")),
        Place::Remote => {}
    }
    if !s.coverage.is_empty() {
        f.push("coverage".into());
    }
    if s.organisation.is_some() {
        f.push("organisation".into());
    }
    for p in &s.contact.phones {
        let mut flags = Vec::new();
        for (on, word) in [
            (p.twenty_four_seven, "24/7"),
            (p.free, "free"),
            (p.sms, "text"),
        ] {
            if on {
                flags.push(word);
            }
        }
        if p.hours.is_some() {
            flags.push("hours");
        }
        let flags = if flags.is_empty() {
            String::new()
        } else {
            format!(" ({})", flags.join(", "))
        };
        f.push(format!("phone {}{flags}", p.number));
    }
    for (stated, word) in [
        (s.contact.web.is_some(), "web"),
        (s.contact.chat.is_some(), "web chat"),
        (s.contact.video.is_some(), "video"),
    ] {
        if stated {
            f.push(word.into());
        }
    }
    if let Some(email) = &s.contact.email {
        f.push(format!("email {email}"));
    }
    if s.hours.is_some() {
        f.push("hours".into());
    }
    if s.general {
        f.push("general line".into());
    }
    if s.interpreters {
        f.push("interpreters".into());
    }
    if let Some(v) = &s.vacancy {
        let units = v.units_free.map(|u| format!(" {u}")).unwrap_or_default();
        f.push(format!(
            "vacancy {}{units} (updated {})",
            v.status.code(),
            v.updated_at
        ));
    }
    let e = &s.eligibility;
    let genders: Vec<&str> = Gender::ALL
        .iter()
        .filter(|g| e.accepts_gender(**g) == Some(true))
        .map(|g| g.code())
        .collect();
    if !genders.is_empty() {
        f.push(format!("genders {}", genders.join("/")));
    }
    for (name, value) in [
        ("trans_inclusive", e.trans_inclusive),
        ("children", e.children),
    ] {
        if let Some(v) = value {
            f.push(format!("{name} {v}"));
        }
    }
    for (name, value) in [
        ("min_age", e.min_age),
        ("max_age", e.max_age),
        ("max_boy_age", e.max_boy_age),
        ("max_household", e.max_household),
        ("max_bedrooms", e.max_bedrooms),
    ] {
        if let Some(v) = value {
            f.push(format!("{name} {v}"));
        }
    }
    for need in Need::ALL {
        if let Some(v) = e.need(*need) {
            f.push(format!("{} {v}", need.code()));
        }
    }
    if !s.communities.is_empty() {
        let c: Vec<&str> = s.communities.iter().map(|c| c.code()).collect();
        f.push(format!("communities {}", c.join("/")));
    }
    if !s.languages.is_empty() {
        let l: Vec<&str> = s.languages.iter().map(|l| l.code()).collect();
        f.push(format!("languages {}", l.join("/")));
    }
    if !s.referral.is_empty() {
        let r: Vec<&str> = s.referral.iter().map(|r| r.code()).collect();
        f.push(format!("referral {}", r.join("/")));
    }
    f
}

/// Text safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
