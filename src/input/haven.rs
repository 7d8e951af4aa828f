//! Haven's own JSON format.

use super::{describe, label_of, InputRecord, ParsedFile, RawService};
use crate::problem::Problem;
use serde_json::Value;

/// The format version this build reads.
pub const FORMAT_VERSION: u64 = 1;

pub(super) fn parse(file: &str, value: Value) -> ParsedFile {
    let mut out = ParsedFile::default();
    let Value::Object(mut top) = value else {
        return out;
    };
    check_header(file, &top, &mut out.problems);
    for key in top.keys().filter(|k| {
        !matches!(
            k.as_str(),
            "format" | "version" | "services" | "name" | "description"
        )
    }) {
        out.problems.push(Problem::error(
            file,
            "-",
            key,
            "unknown top-level field; expected format, version, name, description, services",
        ));
    }
    let services = match top.remove("services") {
        Some(Value::Array(list)) => list,
        Some(other) => {
            out.problems.push(Problem::error(
                file,
                "-",
                "services",
                format!("expected a list of services, found {}", describe(&other)),
            ));
            return out;
        }
        None => return out,
    };
    for (index, item) in services.into_iter().enumerate() {
        let label = label_of(&item, index);
        if !item.is_object() {
            out.problems.push(Problem::error(
                file,
                &label,
                "-",
                format!("expected a service object, found {}", describe(&item)),
            ));
            continue;
        }
        match read_record(item) {
            Ok((raw, unknown)) => {
                for path in unknown {
                    out.problems.push(Problem::error(
                        file,
                        &label,
                        &path,
                        "unknown field; data/README.md lists the fields of the Haven format",
                    ));
                }
                out.records.push(InputRecord {
                    file: file.into(),
                    label,
                    raw,
                    missing: Vec::new(),
                });
            }
            Err((path, message)) => out
                .problems
                .push(Problem::error(file, &label, &path, message)),
        }
    }
    out.tally.read = out.records.len();
    out.tally.selected = out.records.len();
    out
}

fn check_header(file: &str, top: &serde_json::Map<String, Value>, problems: &mut Vec<Problem>) {
    match top.get("format") {
        None => {}
        Some(Value::String(s)) if s == "haven" => {}
        Some(other) => problems.push(Problem::error(
            file,
            "-",
            "format",
            format!("expected \"haven\", found {}", describe(other)),
        )),
    }
    match top.get("version") {
        None => {}
        Some(Value::Number(n)) if n.as_u64() == Some(FORMAT_VERSION) => {}
        Some(other) => problems.push(Problem::error(
            file,
            "-",
            "version",
            format!(
                "this build reads format version {FORMAT_VERSION}, found {}",
                describe(other)
            ),
        )),
    }
}

/// Reads one record, returning it with the paths of fields the format does not have, or
/// the path and reason of the first value of the wrong type.
fn read_record(item: Value) -> Result<(RawService, Vec<String>), (String, String)> {
    let mut unknown = Vec::new();
    let mut track = serde_path_to_error::Track::new();
    let de = serde_path_to_error::Deserializer::new(item, &mut track);
    let result: Result<RawService, _> =
        serde_ignored::deserialize(de, |path| unknown.push(path.to_string()));
    match result {
        Ok(raw) => Ok((raw, unknown)),
        Err(e) => {
            let path = track.path().to_string();
            Err((
                if path.is_empty() || path == "." {
                    "-".into()
                } else {
                    path
                },
                super::reader_message(&e.to_string()),
            ))
        }
    }
}
