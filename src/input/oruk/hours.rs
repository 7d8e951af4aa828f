//! Opening hours in words from an HSDS schedule.

use super::text;
use serde_json::Value;

/// Opening hours in words from an HSDS schedule, saying "24 hours" only when the
/// schedule does (a known fault elsewhere is showing 00:00–23:59 as "until midnight").
pub(super) fn schedule_hours(schedule: &Value) -> Option<String> {
    if let Some(description) = text(schedule, "description") {
        return Some(description);
    }
    let opens = text(schedule, "opens_at")?;
    let closes = text(schedule, "closes_at")?;
    let days = text(schedule, "byday").unwrap_or_else(|| "every day".into());
    let all_day =
        opens.starts_with("00:00") && (closes.starts_with("23:59") || closes.starts_with("24:00"));
    Some(if all_day {
        format!("24 hours, {days}")
    } else {
        format!("{days} {}–{}", hhmm(&opens), hhmm(&closes))
    })
}

/// "10:00:00" as "10:00".
fn hhmm(time: &str) -> String {
    time.chars().take(5).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_whole_day_reads_as_24_hours_never_until_midnight() {
        let s = json!({"opens_at": "00:00:00", "closes_at": "23:59:00", "byday": "MO,TU"});
        assert_eq!(schedule_hours(&s).as_deref(), Some("24 hours, MO,TU"));
        let s = json!({"opens_at": "09:30:00", "closes_at": "17:00:00"});
        assert_eq!(schedule_hours(&s).as_deref(), Some("every day 09:30–17:00"));
    }
}
