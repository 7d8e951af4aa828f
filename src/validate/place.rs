//! Where a service is: precision, coordinates, council area and coverage. The rule that
//! matters most lives here: a confidential service never keeps coordinates, a postcode or
//! a street address.

use super::checker::{clean, Checker};
use super::Context;
use crate::areas::{is_gss_code, Nation, UkCells};
use crate::geometry::LatLon;
use crate::input::{RawLocation, RawService};
use crate::model::{Coverage, Kind, Place};

fn has_position(loc: &RawLocation) -> bool {
    loc.lat.is_some() || loc.lon.is_some()
}

fn has_address(loc: &RawLocation) -> bool {
    clean(&loc.address).is_some() || clean(&loc.postcode).is_some()
}

pub(super) fn check_place(
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
            // Coordinates are looked at only when there are some, so a service with
            // neither area nor location gets one error, not two.
            None => match has_position(loc)
                .then(|| point_of(c, loc, ctx.cells))
                .flatten()
            {
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

pub(super) fn check_coverage(
    c: &mut Checker<'_>,
    raw: &RawService,
    ctx: &Context<'_>,
) -> Vec<Coverage> {
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
