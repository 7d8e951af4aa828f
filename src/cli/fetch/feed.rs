//! Writing the fetched services as one ORUK 3.0 page, the shape `haven validate` and
//! `haven build` read.

use serde_json::Value;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// One service of the feed.
pub enum Record {
    /// The text of `/services/{id}` exactly as served (checked to be one JSON object):
    /// copying the text rather than re-serialising keeps the feed's key order and its
    /// numbers' exact digits.
    Full(String),
    /// The list entry, for a service whose full record could not be had.
    Listed(Value),
}

/// Writes the feed beside `out` and then renames it into place, so an interrupted or
/// failed run never leaves half a feed where the last good one was. Returns its size.
pub fn write(out: &Path, records: &[Record]) -> Result<u64, String> {
    let tmp = temp_path(out);
    let result = write_to(&tmp, records).and_then(|bytes| {
        std::fs::rename(&tmp, out)
            .map(|()| bytes)
            .map_err(|e| format!("cannot write {}: {e}", out.display()))
    });
    if result.is_err() {
        // Best effort: the message that matters is the one already in `result`.
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// `.NAME.PID.tmp` in the same folder: a rename within one file system is atomic, and
/// the process id keeps two runs from sharing a temporary file.
fn temp_path(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map_or("feed".into(), |n| n.to_string_lossy().into_owned());
    out.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

fn write_to(path: &Path, records: &[Record]) -> Result<u64, String> {
    let fail = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    let file = std::fs::File::create(path).map_err(fail)?;
    let mut w = std::io::BufWriter::new(file);
    let n = records.len();
    // The envelope of a single-page ORUK 3.0 answer holding every service.
    write!(
        w,
        "{{\"total_items\": {n}, \"total_pages\": 1, \"page_number\": 1, \"size\": {n}, \
         \"first_page\": true, \"last_page\": true, \"empty\": {}, \"contents\": [",
        n == 0
    )
    .map_err(fail)?;
    for (i, record) in records.iter().enumerate() {
        w.write_all(if i == 0 { b"\n" } else { b",\n" })
            .map_err(fail)?;
        match record {
            Record::Full(text) => w.write_all(text.as_bytes()).map_err(fail)?,
            Record::Listed(value) => serde_json::to_writer(&mut w, value)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
        }
    }
    w.write_all(b"\n]}\n").map_err(fail)?;
    let file = w.into_inner().map_err(|e| fail(e.into_error()))?;
    // On disk before the rename, so a crash cannot leave an empty file under the name.
    file.sync_all().map_err(fail)?;
    file.metadata().map(|m| m.len()).map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_feed_is_one_valid_page_with_records_as_served() {
        let dir = std::env::temp_dir().join(format!("haven-feed-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let out = dir.join("feed.json");
        let records = [
            Record::Full("{\"z\": 1.50, \"a\": 2}".into()),
            Record::Listed(serde_json::json!({"id": "b"})),
        ];
        write(&out, &records).unwrap();
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.contains("{\"z\": 1.50, \"a\": 2}"), "{text}");
        let page: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(page["total_items"], 2);
        assert_eq!(page["contents"][1]["id"], "b");
        let empty = dir.join("empty.json");
        write(&empty, &[]).unwrap();
        let page: Value = serde_json::from_str(&std::fs::read_to_string(&empty).unwrap()).unwrap();
        assert_eq!(page["empty"], true);
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2, "no temp left");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
