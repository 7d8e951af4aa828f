//! What fits in a record: the limits of [`crate::limits`] on every text's length and
//! every list's size, and names and lines being plain text on one line. Checked before
//! anything else, so that a record past a limit is reported once, for that, and not
//! again for each of its 10 000 phones.

use super::checker::Checker;
use crate::input::{looks_like_html, RawService};
use crate::limits::{
    MAX_CODES, MAX_COVERAGE, MAX_DESCRIPTION_CHARS, MAX_EMAIL_CHARS, MAX_ID_CHARS, MAX_LANGUAGES,
    MAX_LINE_CHARS, MAX_NAME_CHARS, MAX_PHONES, MAX_URL_CHARS,
};

/// Whether every field of the record is within its limit; reports each one that is not.
pub(super) fn within_limits(c: &mut Checker<'_>, raw: &RawService) -> bool {
    let before = c.failed;
    c.failed = false;
    let texts: [(&str, Option<&str>, usize); 9] = [
        ("id", raw.id.as_deref(), MAX_ID_CHARS),
        ("name", raw.name.as_deref(), MAX_NAME_CHARS),
        ("organisation", raw.organisation.as_deref(), MAX_NAME_CHARS),
        (
            "description",
            raw.description.as_deref(),
            MAX_DESCRIPTION_CHARS,
        ),
        ("hours", raw.hours.as_deref(), MAX_LINE_CHARS),
        ("web", raw.web.as_deref(), MAX_URL_CHARS),
        ("chat", raw.chat.as_deref(), MAX_URL_CHARS),
        ("video", raw.video.as_deref(), MAX_URL_CHARS),
        ("email", raw.email.as_deref(), MAX_EMAIL_CHARS),
    ];
    for (field, value, max) in texts {
        text(c, field, value, max);
    }
    // Short codes and dates: anything long is wrong, and is echoed in the message.
    text(c, "kind", raw.kind.as_deref(), MAX_NAME_CHARS);
    text(c, "precision", raw.precision.as_deref(), MAX_NAME_CHARS);
    text(c, "area", raw.area.as_deref(), MAX_NAME_CHARS);
    if let Some(loc) = &raw.location {
        text(
            c,
            "location.address",
            loc.address.as_deref(),
            MAX_LINE_CHARS,
        );
        text(
            c,
            "location.postcode",
            loc.postcode.as_deref(),
            MAX_NAME_CHARS,
        );
    }
    if let Some(source) = &raw.source {
        text(c, "source.name", source.name.as_deref(), MAX_NAME_CHARS);
        text(c, "source.url", source.url.as_deref(), MAX_URL_CHARS);
        for (field, value) in [
            ("source.date", source.date.as_deref()),
            ("source.contract_ends", source.contract_ends.as_deref()),
            ("source.verified_on", source.verified_on.as_deref()),
        ] {
            text(c, field, value, MAX_NAME_CHARS);
        }
    }
    if let Some(v) = &raw.vacancy {
        text(c, "vacancy.status", v.status.as_deref(), MAX_NAME_CHARS);
        text(
            c,
            "vacancy.updated_at",
            v.updated_at.as_deref(),
            MAX_NAME_CHARS,
        );
    }
    list(c, "phones", raw.phones.len(), MAX_PHONES, "phone numbers");
    for (i, p) in raw.phones.iter().enumerate().take(MAX_PHONES) {
        text(
            c,
            &format!("phones[{i}].number"),
            p.number.as_deref(),
            MAX_NAME_CHARS,
        );
        text(
            c,
            &format!("phones[{i}].label"),
            p.label.as_deref(),
            MAX_LINE_CHARS,
        );
        text(
            c,
            &format!("phones[{i}].hours"),
            p.hours.as_deref(),
            MAX_LINE_CHARS,
        );
    }
    list(c, "coverage", raw.coverage.len(), MAX_COVERAGE, "areas");
    list(
        c,
        "languages",
        raw.languages.len(),
        MAX_LANGUAGES,
        "languages",
    );
    list(c, "communities", raw.communities.len(), MAX_CODES, "codes");
    list(c, "referral", raw.referral.len(), MAX_CODES, "codes");
    let e = &raw.eligibility;
    list(
        c,
        "eligibility.genders",
        e.genders.len(),
        MAX_CODES,
        "codes",
    );
    list(c, "eligibility", e.needs.len(), MAX_CODES, "fields");
    for (field, values) in [
        ("coverage", &raw.coverage),
        ("languages", &raw.languages),
        ("communities", &raw.communities),
        ("referral", &raw.referral),
        ("eligibility.genders", &e.genders),
    ] {
        for (i, v) in values.iter().enumerate().take(MAX_COVERAGE) {
            text(c, &format!("{field}[{i}]"), Some(v), MAX_NAME_CHARS);
        }
    }
    for (field, value) in [
        ("name", raw.name.as_deref()),
        ("organisation", raw.organisation.as_deref()),
    ] {
        if value.is_some_and(looks_like_html) {
            c.error(field, "expected plain text, found HTML markup (a tag such as <b> or an entity such as &amp;): write the name as a survivor should read it");
        }
    }
    let mut lines = vec![
        ("name", raw.name.as_deref()),
        ("organisation", raw.organisation.as_deref()),
        ("hours", raw.hours.as_deref()),
    ];
    if let Some(loc) = &raw.location {
        lines.push(("location.address", loc.address.as_deref()));
    }
    if let Some(source) = &raw.source {
        lines.push(("source.name", source.name.as_deref()));
    }
    for (field, value) in lines {
        one_line(c, field, value, false);
    }
    for (i, p) in raw.phones.iter().enumerate().take(MAX_PHONES) {
        one_line(c, &format!("phones[{i}].label"), p.label.as_deref(), false);
        one_line(c, &format!("phones[{i}].hours"), p.hours.as_deref(), false);
    }
    one_line(c, "description", raw.description.as_deref(), true);
    let within = !c.failed;
    c.failed |= before;
    within
}

fn text(c: &mut Checker<'_>, field: &str, value: Option<&str>, max: usize) {
    let Some(value) = value else { return };
    let chars = value.chars().count();
    if chars > max {
        c.error(
            field,
            format!("expected at most {max} characters, found {chars}"),
        );
    }
}

fn list(c: &mut Checker<'_>, field: &str, len: usize, max: usize, what: &str) {
    if len > max {
        c.error(field, format!("expected at most {max} {what}, found {len}"));
    }
}

/// A control character (an escape sequence, a NUL, a line break in a name) reported by
/// its position and code; a description may hold line breaks and tabs.
fn one_line(c: &mut Checker<'_>, field: &str, value: Option<&str>, paragraphs: bool) {
    let Some(value) = value else { return };
    let allowed = |ch: char| paragraphs && matches!(ch, '\n' | '\r' | '\t');
    if let Some((at, ch)) = value
        .chars()
        .enumerate()
        .find(|&(_, ch)| ch.is_control() && !allowed(ch))
    {
        let what = if paragraphs {
            "text"
        } else {
            "one line of text"
        };
        c.error(
            field,
            format!(
                "expected {what}, found the control character U+{:04X} at character {}",
                u32::from(ch),
                at + 1
            ),
        );
    }
}
