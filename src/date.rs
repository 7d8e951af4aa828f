//! Calendar dates (verified-on, vacancy updated-at), written as `YYYY-MM-DD`, and the
//! periods sources state their own dates in (`2021`, `2021-06`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

impl Date {
    /// Parses `2026-11-22`; a timestamp such as `2023-03-15T10:30:45Z` gives its date.
    pub fn parse(text: &str) -> Result<Date, String> {
        let text = text.trim();
        // By hand, on bytes, rather than with `time`'s parser and Debug quoting, which
        // measured kilobytes of wasm once the browser's queries carried a date.
        let b = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| {
            b.get(range).and_then(|part| {
                part.iter().try_fold(0i32, |n, &c| {
                    c.is_ascii_digit().then(|| n * 10 + i32::from(c - b'0'))
                })
            })
        };
        let shaped = b.len() >= 10
            && b[4] == b'-'
            && b[7] == b'-'
            && (b.len() == 10 || (b[10] == b'T' && is_time(&b[11..])));
        let date = shaped.then(|| {
            let month = u8::try_from(digits(5..7)?).ok()?;
            let day = u8::try_from(digits(8..10)?).ok()?;
            Date::from_ymd(digits(0..4)?, month, day)
        });
        date.flatten()
            .ok_or_else(|| format!("expected a date as YYYY-MM-DD, found \"{text}\""))
    }

    /// Parses a date as a source states it: `2021`, `2021-06` or `2021-06-15`. Gives the
    /// first and last day of the period it names (one day for a full date).
    pub fn parse_period(text: &str) -> Result<(Date, Date), String> {
        let text = text.trim();
        let bad = || format!("expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found {text:?}");
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str, len: usize| {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<i32>().ok())
                .flatten()
        };
        let year = parts.first().and_then(|y| number(y, 4)).ok_or_else(bad)?;
        let month = |m: i32| u8::try_from(m).ok().filter(|m| (1..=12).contains(m));
        match parts.as_slice() {
            [_] => Ok((
                Date::from_ymd(year, 1, 1).ok_or_else(bad)?,
                Date::from_ymd(year, 12, 31).ok_or_else(bad)?,
            )),
            [_, m] => {
                let m = number(m, 2).and_then(month).ok_or_else(bad)?;
                let first = Date::from_ymd(year, m, 1).ok_or_else(bad)?;
                let next = if m == 12 {
                    Date::from_ymd(year + 1, 1, 1)
                } else {
                    Date::from_ymd(year, m + 1, 1)
                };
                let last = next
                    .and_then(|d| Date::from_days(d.to_days() - 1))
                    .ok_or_else(bad)?;
                Ok((first, last))
            }
            _ => Date::parse(text).map(|d| (d, d)).map_err(|_| bad()),
        }
    }

    /// The same day `years` later (28 February for 29 February in a common year).
    pub fn plus_years(self, years: i32) -> Date {
        let (y, m, d) = (self.0.year() + years, self.0.month(), self.0.day());
        time::Date::from_calendar_date(y, m, d)
            .or_else(|_| time::Date::from_calendar_date(y, m, d - 1))
            .map(Date)
            .unwrap_or(self)
    }

    /// Builds a date from year, month and day, when they make one.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        let month = time::Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, month, day)
            .ok()
            .map(Date)
    }

    /// Today in UTC, from the system clock (the `clock` feature: the browser build has
    /// no clock, and the page works out ages of dates itself).
    #[cfg(feature = "clock")]
    pub fn today() -> Date {
        Date(time::OffsetDateTime::now_utc().date())
    }

    /// The date as a Julian day number, for the bundle.
    pub fn to_days(self) -> i32 {
        self.0.to_julian_day()
    }

    /// The date from a Julian day number; `None` outside the supported range.
    pub fn from_days(days: i32) -> Option<Date> {
        time::Date::from_julian_day(days).ok().map(Date)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        i64::from(later.to_days()) - i64::from(self.to_days())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.0.to_calendar_date();
        write!(f, "{y:04}-{:02}-{d:02}", u8::from(m))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Whether `b` is the time of an RFC 3339 timestamp: `10:30`, `10:30:45.123`, then
/// nothing, `Z` or an offset such as `+01:00`. A date followed by anything else is not a
/// date: `2026-01-10Tlater` is refused, not read as the 10th. (Checked by shape, not
/// field by field: each byte more of wasm is a byte more before a survivor's results.)
fn is_time(b: &[u8]) -> bool {
    let hour = matches!(b, [h @ b'0'..=b'2', l @ b'0'..=b'9', b':', b'0'..=b'5', b'0'..=b'9', ..] if (h - b'0') * 10 + (l - b'0') < 24);
    let rest = b.get(5..).unwrap_or_default();
    let zone = rest
        .iter()
        .position(|c| matches!(c, b'Z' | b'z' | b'+' | b'-'))
        .unwrap_or(rest.len());
    let (clock, offset) = rest.split_at(zone);
    hour && clock
        .iter()
        .all(|c| c.is_ascii_digit() || matches!(c, b':' | b'.'))
        && (offset.len() <= 1 && offset != b"+" && offset != b"-"
            || offset.len() > 1 && offset[1..].iter().all(|c| c.is_ascii_digit() || *c == b':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_reads_and_writes_the_same() {
        let d = Date::parse("2026-02-28").unwrap();
        assert_eq!(d.to_string(), "2026-02-28");
        assert_eq!(Date::from_days(d.to_days()), Some(d));
    }

    #[test]
    fn a_timestamp_gives_its_date_but_other_text_is_rejected() {
        assert_eq!(
            Date::parse("2023-03-15T10:30:45.123Z").unwrap().to_string(),
            "2023-03-15"
        );
        for good in [
            "2023-03-15T10:30",
            "2023-03-15T10:30:45",
            "2023-03-15T23:59:60Z",
            "2023-03-15T10:30:45+01:00",
            "2023-03-15T10:30:45-0500",
        ] {
            assert_eq!(
                Date::parse(good).unwrap().to_string(),
                "2023-03-15",
                "{good}"
            );
        }
        for bad in [
            "",
            "2023-02-30",
            "15/03/2023",
            "2023-03-15junk",
            "２０２３-01-01",
            "2023-03-15T",
            "2023-03-15Tlater",
            "2023-03-15T25:00",
            "2023-03-15T10:30Zjunk",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
