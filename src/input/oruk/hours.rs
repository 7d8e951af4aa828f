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

/// Opening hours in words from ORUK 1.x `regular_schedules`, one entry per weekday:
/// "Monday 09:00–17:00; Tuesday 09:00–17:00". Never "every day" unless each day is listed.
pub(super) fn weekly_hours(entries: &[Value]) -> Option<String> {
    let days: Vec<String> = entries
        .iter()
        .filter_map(|e| {
            let day = text(e, "weekday").or_else(|| e.get("weekday").map(|d| d.to_string()))?;
            let day = weekday_name(&day);
            let opens = text(e, "opens_at")?;
            let closes = text(e, "closes_at")?;
            let all_day = opens.starts_with("00:00")
                && (closes.starts_with("23:59") || closes.starts_with("24:00"));
            Some(if all_day {
                format!("{day} 24 hours")
            } else {
                format!("{day} {}–{}", hhmm(&opens), hhmm(&closes))
            })
        })
        .collect();
    (!days.is_empty()).then(|| days.join("; "))
}

/// A weekday as written in feeds (a name, or 1 for Monday to 7 for Sunday).
fn weekday_name(day: &str) -> String {
    const NAMES: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    match day.trim_matches('"').parse::<usize>() {
        Ok(n @ 1..=7) => NAMES[n - 1].to_string(),
        _ => day.to_string(),
    }
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

    #[test]
    fn weekly_schedules_name_each_day_and_never_claim_every_day() {
        let week = [
            json!({"weekday": "Monday", "opens_at": "09:00", "closes_at": "17:00"}),
            json!({"weekday": 3, "opens_at": "00:00", "closes_at": "23:59"}),
        ];
        assert_eq!(
            weekly_hours(&week).as_deref(),
            Some("Monday 09:00–17:00; Wednesday 24 hours")
        );
        assert_eq!(weekly_hours(&[]), None);
    }
}
