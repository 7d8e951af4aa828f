//! Checking one record and building its [`Service`].

use super::{check_uk_phone, Context, Problem};
use crate::areas::{is_gss_code, Nation, UkCells};
use crate::codes::CodeSet;
use crate::date::Date;
use crate::geometry::LatLon;
use crate::input::{InputRecord, RawEligibility, RawLocation, RawService};
use crate::model::{
    Community, Contact, Coverage, Eligibility, Gender, Kind, Language, Need, Phone, Place,
    Provenance, Referral, Service, Vacancy, VacancyStatus,
};

/// Collects the problems of one record.
struct Checker<'a> {
    input: &'a InputRecord,
    problems: &'a mut Vec<Problem>,
    failed: bool,
}

impl Checker<'_> {
    fn error(&mut self, field: &str, message: impl Into<String>) {
        self.failed = true;
        self.problems.push(Problem::error(
            &self.input.file,
            &self.input.label,
            field,
            message,
        ));
    }

    fn warn(&mut self, field: &str, message: impl Into<String>) {
        self.problems.push(Problem::warning(
            &self.input.file,
            &self.input.label,
            field,
            message,
        ));
    }

    fn required<'v>(&mut self, field: &str, value: &'v Option<String>) -> Option<&'v str> {
        match value.as_deref().map(str::trim) {
            Some(v) if !v.is_empty() => Some(v),
            _ => {
                self.error(field, "required, but missing or empty");
                None
            }
        }
    }

    /// Parses each code of a list, reporting the bad ones by position.
    fn codes<T>(
        &mut self,
        field: &str,
        values: &[String],
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Vec<T> {
        let mut out = Vec::new();
        for (i, v) in values.iter().enumerate() {
            match parse(v.trim()) {
                Ok(t) => out.push(t),
                Err(e) => self.error(&format!("{field}[{i}]"), e),
            }
        }
        out
    }

    fn small_number(
        &mut self,
        field: &str,
        value: Option<i64>,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<u8> {
        let v = value?;
        if range.contains(&v) {
            u8::try_from(v).ok()
        } else {
            self.error(
                field,
                format!(
                    "expected a whole number from {} to {}, found {v}",
                    range.start(),
                    range.end()
                ),
            );
            None
        }
    }

    fn date_not_future(&mut self, field: &str, value: Option<&str>, today: Date) -> Option<Date> {
        let Some(text) = value else {
            self.error(field, "required, but missing");
            return None;
        };
        match Date::parse(text) {
            Ok(d) if d > today => {
                self.error(field, format!("{d} is in the future (today is {today})"));
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                self.error(field, e);
                None
            }
        }
    }
}

/// Checks one record; returns its service when it has no errors.
pub(super) fn check(
    input: &InputRecord,
    ctx: &Context<'_>,
    problems: &mut Vec<Problem>,
) -> Option<Service> {
    let raw = &input.raw;
    let mut c = Checker {
        input,
        problems,
        failed: false,
    };
    let id = c.required("id", &raw.id).map(String::from);
    if let Some(id) = &id {
        if id.chars().count() > 100 || id.chars().any(|ch| ch.is_whitespace() || ch.is_control()) {
            c.error(
                "id",
                format!("expected at most 100 characters with no spaces, found {id:?}"),
            );
        }
    }
    let name = c.required("name", &raw.name).map(String::from);
    let kind = c
        .required("kind", &raw.kind)
        .and_then(|k| Kind::parse(k).map_err(|e| c.error("kind", e)).ok());
    let place = check_place(&mut c, raw, kind, ctx);
    let coverage = check_coverage(&mut c, raw, ctx);
    if place == Some(Place::Remote) && coverage.is_empty() {
        c.error("coverage", "a service with no location and no area must say what it covers: \"uk\", a nation, or council GSS codes");
    }
    let eligibility = check_eligibility(&mut c, &raw.eligibility);
    let communities = canonical(c.codes("communities", &raw.communities, Community::parse));
    let languages = canonical(c.codes("languages", &raw.languages, Language::parse));
    let referral = canonical(c.codes("referral", &raw.referral, Referral::parse));
    let contact = check_contact(&mut c, raw);
    let vacancy = kind.and_then(|k| check_vacancy(&mut c, raw, k, ctx.today));
    let provenance = check_source(&mut c, raw, ctx.today);
    if c.failed {
        return None;
    }
    Some(Service {
        id: id?,
        name: name?,
        organisation: clean(&raw.organisation),
        kind: kind?,
        description: clean(&raw.description).unwrap_or_default(),
        place: place?,
        coverage,
        eligibility,
        communities,
        languages,
        interpreters: raw.interpreters.unwrap_or(false),
        contact,
        referral,
        hours: clean(&raw.hours),
        vacancy,
        provenance: provenance?,
    })
}

/// Code lists are sets: stored sorted and without repeats, whatever order they came in.
fn canonical<T: Ord>(mut values: Vec<T>) -> Vec<T> {
    values.sort();
    values.dedup();
    values
}

fn clean(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

fn has_position(loc: &RawLocation) -> bool {
    loc.lat.is_some() || loc.lon.is_some()
}

fn has_address(loc: &RawLocation) -> bool {
    clean(&loc.address).is_some() || clean(&loc.postcode).is_some()
}

fn check_place(
    c: &mut Checker<'_>,
    raw: &RawService,
    kind: Option<Kind>,
    ctx: &Context<'_>,
) -> Option<Place> {
    let precision = raw.precision.as_deref().map(str::trim);
    let always_confidential = kind.is_some_and(Kind::always_confidential);
    let confidential = match precision {
        Some("area") => true,
        Some("exact") if always_confidential => {
            let kind = kind.map_or("refuge", Kind::code);
            c.error(
                "precision",
                format!("a {kind}'s address is always confidential; expected \"area\""),
            );
            return None;
        }
        Some("exact") => false,
        Some(other) => {
            c.error(
                "precision",
                format!("unknown precision {other:?}; expected \"exact\" or \"area\""),
            );
            return None;
        }
        None => always_confidential,
    };
    let empty = RawLocation::default();
    let loc = raw.location.as_ref().unwrap_or(&empty);
    let area_code = clean(&raw.area);
    let area = match &area_code {
        Some(code) if ctx.areas.get(code).is_some() => Some(code.clone()),
        Some(code) => {
            let why = if is_gss_code(code) {
                "is not a current council area"
            } else {
                "is not a GSS code (a letter and eight digits)"
            };
            c.error(
                "area",
                format!("expected a council area GSS code such as \"E06000055\"; {code:?} {why}"),
            );
            return None;
        }
        None => None,
    };
    if confidential {
        if has_position(loc) || has_address(loc) {
            if !ctx.allow_coarsening {
                c.error(
                    "location",
                    "a confidential service must not carry coordinates, a postcode or a street address; remove them, \
                     or build with --allow-coarsening to drop them",
                );
                return None;
            }
            c.warn("location", "confidential: coordinates, postcode and street address dropped (--allow-coarsening)");
        }
        let area = match area {
            Some(a) => a,
            None => match point_of(c, loc, ctx.cells) {
                Some(p) if ctx.allow_coarsening => {
                    let nearest = ctx.areas.nearest(p)?;
                    c.warn("area", format!("placed in {} ({}), the council area nearest its dropped coordinates; state area to be sure", nearest.name, nearest.code));
                    nearest.code.clone()
                }
                _ => {
                    c.error("area", "a confidential service needs its council area (GSS code), the only place it is known by");
                    return None;
                }
            },
        };
        return Some(Place::Area { area });
    }
    if precision == Some("exact") || has_position(loc) {
        let point = point_of(c, loc, ctx.cells)?;
        let area = match area {
            Some(a) => a,
            None => ctx.areas.nearest(point)?.code.clone(),
        };
        return Some(Place::Exact {
            point,
            address: clean(&loc.address),
            postcode: clean(&loc.postcode),
            area,
        });
    }
    if has_address(loc) {
        c.error(
            "location",
            "an address without lat and lon cannot be placed; add coordinates",
        );
        return None;
    }
    Some(match area {
        Some(area) => Place::Area { area },
        None => Place::Remote,
    })
}

fn point_of(c: &mut Checker<'_>, loc: &RawLocation, cells: &UkCells) -> Option<LatLon> {
    let (Some(lat), Some(lon)) = (loc.lat, loc.lon) else {
        c.error("location", "expected both lat and lon");
        return None;
    };
    let mut ok = true;
    if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
        c.error(
            "location.lat",
            format!("expected a latitude from -90 to 90, found {lat}"),
        );
        ok = false;
    }
    if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
        c.error(
            "location.lon",
            format!("expected a longitude from -180 to 180, found {lon}"),
        );
        ok = false;
    }
    let point = LatLon::new(lat, lon);
    if ok && !cells.contains(point) {
        c.error(
            "location",
            format!(
                "{lat},{lon} is outside the UK and Crown dependencies (are lat and lon swapped?)"
            ),
        );
        ok = false;
    }
    ok.then_some(point)
}

fn check_coverage(c: &mut Checker<'_>, raw: &RawService, ctx: &Context<'_>) -> Vec<Coverage> {
    let mut out = Vec::new();
    for (i, code) in raw.coverage.iter().enumerate() {
        let code = code.trim();
        let item = match code {
            "uk" | "UK" | "K02000001" => Some(Coverage::Uk),
            _ => Nation::from_code(code)
                .or_else(|| Nation::from_gss(code))
                .map(Coverage::Nation)
                .or_else(|| ctx.areas.get(code).map(|a| Coverage::Area(a.code.clone()))),
        };
        match item {
            Some(item) if !out.contains(&item) => out.push(item),
            Some(_) => c.warn(
                &format!("coverage[{i}]"),
                format!("{code:?} is listed twice"),
            ),
            None => c.error(
                &format!("coverage[{i}]"),
                format!(
                    "expected \"uk\", a nation ({}) or a council GSS code, found {code:?}",
                    Nation::expected()
                ),
            ),
        }
    }
    out
}

fn check_eligibility(c: &mut Checker<'_>, raw: &RawEligibility) -> Eligibility {
    let genders = c.codes("eligibility.genders", &raw.genders, Gender::parse);
    let mut e = Eligibility {
        genders: CodeSet::from_bits(genders.iter().map(|g| g.bit())),
        trans_inclusive: raw.trans_inclusive,
        min_age: c.small_number("eligibility.min_age", raw.min_age, 0..=120),
        max_age: c.small_number("eligibility.max_age", raw.max_age, 0..=120),
        children: raw.children,
        max_boy_age: c.small_number("eligibility.max_boy_age", raw.max_boy_age, 0..=25),
        max_household: c.small_number("eligibility.max_household", raw.max_household, 1..=30),
        max_bedrooms: c.small_number("eligibility.max_bedrooms", raw.max_bedrooms, 0..=10),
        ..Eligibility::default()
    };
    if let (Some(min), Some(max)) = (e.min_age, e.max_age) {
        if min > max {
            c.error(
                "eligibility.min_age",
                format!("min_age {min} is above max_age {max}"),
            );
        }
    }
    if raw.children == Some(false) && raw.max_boy_age.is_some() {
        c.error(
            "eligibility.max_boy_age",
            "a service that takes no children cannot have a boys' age limit",
        );
    }
    let needs = [
        (Need::Wheelchair, raw.wheelchair),
        (Need::LimitedMobility, raw.limited_mobility),
        (Need::Nrpf, raw.nrpf),
        (Need::Pets, raw.pets),
        (Need::SubstanceUse, raw.substance_use),
        (Need::MentalHealth, raw.mental_health),
        (Need::ComplexNeeds, raw.complex_needs),
    ];
    for (need, value) in needs {
        e.set_need(need, value);
    }
    e
}

fn check_contact(c: &mut Checker<'_>, raw: &RawService) -> Contact {
    let mut phones = Vec::new();
    for (i, p) in raw.phones.iter().enumerate() {
        let field = format!("phones[{i}].number");
        let Some(number) = c.required(&field, &p.number) else {
            continue;
        };
        if let Err(e) = check_uk_phone(number, p.sms) {
            c.error(&field, e);
            continue;
        }
        phones.push(Phone {
            number: number.to_string(),
            label: clean(&p.label),
            hours: clean(&p.hours),
            twenty_four_seven: p.twenty_four_seven,
            free: p.free,
            sms: p.sms,
        });
    }
    let web = clean(&raw.web);
    if let Some(w) = &web {
        if !(w.starts_with("https://") || w.starts_with("http://"))
            || w.contains(char::is_whitespace)
        {
            c.error(
                "web",
                format!("expected a web address starting https://, found {w:?}"),
            );
        }
    }
    let email = clean(&raw.email);
    if let Some(m) = &email {
        let parts: Vec<_> = m.split('@').collect();
        if parts.len() != 2
            || parts[0].is_empty()
            || !parts[1].contains('.')
            || m.contains(char::is_whitespace)
        {
            c.error(
                "email",
                format!("expected an email address such as help@example.org, found {m:?}"),
            );
        }
    }
    Contact { phones, web, email }
}

fn check_vacancy(
    c: &mut Checker<'_>,
    raw: &RawService,
    kind: Kind,
    today: Date,
) -> Option<Vacancy> {
    let v = raw.vacancy.as_ref()?;
    if !kind.is_accommodation() {
        c.warn(
            "vacancy",
            format!("a {kind} has no vacancies to show; ignored"),
        );
        return None;
    }
    let status = c.required("vacancy.status", &v.status).and_then(|s| {
        VacancyStatus::parse(s)
            .map_err(|e| c.error("vacancy.status", e))
            .ok()
    });
    let units_free = match v.units_free {
        None => None,
        Some(n) => match u16::try_from(n) {
            Ok(n) if n <= 1000 => Some(n),
            _ => {
                c.error(
                    "vacancy.units_free",
                    format!("expected a whole number from 0 to 1000, found {n}"),
                );
                None
            }
        },
    };
    let updated_at = c.date_not_future("vacancy.updated_at", v.updated_at.as_deref(), today);
    Some(Vacancy {
        status: status?,
        units_free,
        updated_at: updated_at?,
    })
}

fn check_source(c: &mut Checker<'_>, raw: &RawService, today: Date) -> Option<Provenance> {
    let Some(source) = &raw.source else {
        c.error("source", "every record needs its source (name, verified_on): where its facts, and its phone numbers, come from");
        return None;
    };
    let name = c.required("source.name", &source.name).map(String::from);
    let url = clean(&source.url);
    if let Some(u) = &url {
        if !(u.starts_with("https://") || u.starts_with("http://")) {
            c.error(
                "source.url",
                format!("expected a web address starting https://, found {u:?}"),
            );
        }
    }
    let verified_on = c.date_not_future("source.verified_on", source.verified_on.as_deref(), today);
    Some(Provenance {
        source: name?,
        url,
        verified_on: verified_on?,
        example: raw.example.unwrap_or(false),
    })
}
