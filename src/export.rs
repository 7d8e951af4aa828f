//! Haven's directory as Open Referral UK 3.0: a page of full service records that
//! validates against the ORUK schema, so a council can take Haven's data back into its
//! own directory. What ORUK has no field for travels as terms of Haven's taxonomy
//! (`taxonomy: "haven"`, documented in data/README.md), which Haven's importer reads,
//! so exporting and importing again gives the same directory.
//!
//! A confidential service is exported by its council area only, as it is in the bundle.

use crate::areas::AreaTable;
use crate::model::{Coverage, Place, Service};
use serde_json::{json, Map, Value};

/// The taxonomy Haven's own terms belong to.
pub const HAVEN_TAXONOMY: &str = "haven";

/// The page `haven oruk export` writes: every service as a full ORUK 3.0 record.
pub fn oruk_page(services: &[Service], areas: &AreaTable) -> Value {
    let contents: Vec<Value> = services.iter().map(|s| oruk_service(s, areas)).collect();
    json!({
        "total_items": contents.len(),
        "total_pages": 1,
        "page_number": 1,
        "size": contents.len(),
        "first_page": true,
        "last_page": true,
        "empty": contents.is_empty(),
        "contents": contents,
    })
}

/// One service as a full ORUK 3.0 record.
pub fn oruk_service(s: &Service, areas: &AreaTable) -> Value {
    let ids = Ids(&s.id);
    let mut out = Map::new();
    out.insert("id".into(), ids.of("service", ""));
    out.insert("name".into(), s.name.clone().into());
    out.insert("description".into(), s.description.clone().into());
    out.insert("status".into(), "active".into());
    if let Some(web) = &s.contact.web {
        out.insert("url".into(), web.clone().into());
    }
    if let Some(email) = &s.contact.email {
        out.insert("email".into(), email.clone().into());
    }
    if let Some(min) = s.eligibility.min_age {
        out.insert("minimum_age".into(), min.into());
    }
    if let Some(max) = s.eligibility.max_age {
        out.insert("maximum_age".into(), max.into());
    }
    out.insert(
        "assured_date".into(),
        s.provenance.verified_on.to_string().into(),
    );
    if let Some(org) = &s.organisation {
        let id = ids.of("organization", org);
        out.insert("organization_id".into(), id.clone());
        out.insert(
            "organization".into(),
            json!({"id": id, "name": org, "description": ""}),
        );
    }
    if let Some(hours) = &s.hours {
        out.insert(
            "schedules".into(),
            json!([{"id": ids.of("schedule", ""), "description": hours}]),
        );
    }
    out.insert("service_areas".into(), service_areas(s, areas, &ids).into());
    if let Place::Exact {
        point,
        address,
        postcode,
        ..
    } = &s.place
    {
        out.insert(
            "service_at_locations".into(),
            json!([{
                "id": ids.of("service_at_location", ""),
                "location": location(point.lat, point.lon, address.as_deref(), postcode.as_deref(), &ids),
            }]),
        );
    }
    let contacts: Vec<Value> = s
        .contact
        .phones
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut phone = json!({"id": ids.of("phone", &i.to_string()), "number": p.number});
            if let Some(hours) = &p.hours {
                phone["description"] = hours.clone().into();
            }
            let mut contact = json!({"id": ids.of("contact", &i.to_string()), "phones": [phone]});
            if let Some(label) = &p.label {
                contact["name"] = label.clone().into();
            }
            contact
        })
        .collect();
    if !contacts.is_empty() {
        out.insert("contacts".into(), contacts.into());
    }
    let attributes: Vec<Value> = haven_terms(s)
        .into_iter()
        .map(|(term, name)| {
            json!({
                "id": ids.of("attribute", &term),
                "taxonomy_term": {
                    "id": Ids("haven").of("term", &term),
                    "term": term,
                    "name": name,
                    "description": format!("Haven: {name}"),
                    "taxonomy": HAVEN_TAXONOMY,
                },
            })
        })
        .collect();
    out.insert("attributes".into(), attributes.into());
    Value::Object(out)
}

fn service_areas(s: &Service, areas: &AreaTable, ids: &Ids<'_>) -> Vec<Value> {
    s.coverage
        .iter()
        .map(|c| match c {
            Coverage::Uk => json!({"id": ids.of("service_area", "uk"), "name": "UK"}),
            Coverage::Nation(n) => {
                json!({"id": ids.of("service_area", n.code()), "name": n.code().replace('_', " ")})
            }
            Coverage::Area(code) => json!({
                "id": ids.of("service_area", code),
                "name": areas.get(code).map_or(code.as_str(), |a| a.name.as_str()),
                "uri": format!("https://statistics.data.gov.uk/id/statistical-geography/{code}"),
            }),
        })
        .collect()
}

fn location(
    lat: f64,
    lon: f64,
    address: Option<&str>,
    postcode: Option<&str>,
    ids: &Ids<'_>,
) -> Value {
    let mut loc = json!({
        "id": ids.of("location", ""),
        "location_type": "physical",
        "latitude": lat,
        "longitude": lon,
    });
    if address.is_some() || postcode.is_some() {
        // Haven keeps one address line; the importer joins address_1 and city with ", ".
        let (line, city) = address
            .and_then(|a| a.rsplit_once(", "))
            .unwrap_or((address.unwrap_or_default(), ""));
        loc["addresses"] = json!([{
            "id": ids.of("address", ""),
            "address_1": line,
            "city": city,
            "state_province": "",
            "postal_code": postcode.unwrap_or_default(),
            "country": "GB",
            "address_type": "physical",
        }]);
    }
    loc
}

/// What ORUK has no field for, as Haven terms: `(term, readable name)`. A plain code is
/// a kind, a need met, a community, a gender or a flag; `key=value` carries a value.
fn haven_terms(s: &Service) -> Vec<(String, String)> {
    let mut t: Vec<(String, String)> = Vec::new();
    let mut add = |term: String, name: String| t.push((term, name));
    add(format!("id={}", s.id), format!("Haven id {}", s.id));
    add(s.kind.code().into(), format!("Kind: {}", s.kind.code()));
    if let Some(area) = s.place.area() {
        add(format!("area={area}"), format!("Council area {area}"));
    }
    if s.place.is_confidential() {
        add("confidential".into(), "Confidential address".into());
    }
    let e = &s.eligibility;
    for g in crate::model::Gender::ALL {
        if e.accepts_gender(*g) == Some(true) {
            add(g.code().into(), format!("Accepts: {}", g.code()));
        }
    }
    for (key, value) in [
        ("trans_inclusive", e.trans_inclusive),
        ("children", e.children),
    ] {
        if let Some(v) = value {
            add(format!("{key}={v}"), format!("{key}: {v}"));
        }
    }
    for (key, value) in [
        ("max_boy_age", e.max_boy_age),
        ("max_household", e.max_household),
        ("max_bedrooms", e.max_bedrooms),
    ] {
        if let Some(v) = value {
            add(format!("{key}={v}"), format!("{key}: {v}"));
        }
    }
    for need in crate::model::Need::ALL {
        match e.need(*need) {
            Some(true) => add(need.code().into(), format!("Meets: {}", need.code())),
            Some(false) => add(
                format!("{}=false", need.code()),
                format!("Cannot meet: {}", need.code()),
            ),
            None => {}
        }
    }
    for c in &s.communities {
        add(c.code().into(), format!("Community: {}", c.code()));
    }
    for l in &s.languages {
        add(
            format!("language={}", l.code()),
            format!("Staff speak {}", l.code()),
        );
    }
    if s.interpreters {
        add("interpreters".into(), "Interpreters arranged".into());
    }
    if s.general {
        add("general".into(), "Not specific to domestic abuse".into());
    }
    for (key, value) in [("chat", &s.contact.chat), ("video", &s.contact.video)] {
        if let Some(v) = value {
            add(format!("{key}={v}"), format!("{key}: {v}"));
        }
    }
    for r in &s.referral {
        add(
            format!("referral={}", r.code()),
            format!("Referral: {}", r.code()),
        );
    }
    for p in &s.contact.phones {
        for (flag, on) in [
            ("phone_24_7", p.twenty_four_seven),
            ("phone_free", p.free),
            ("phone_sms", p.sms),
        ] {
            if on {
                add(
                    format!("{flag}={}", p.number),
                    format!("{flag}: {}", p.number),
                );
            }
        }
    }
    if let Some(v) = &s.vacancy {
        add(
            format!("vacancy={}", v.status.code()),
            format!("Vacancy: {}", v.status.code()),
        );
        if let Some(n) = v.units_free {
            add(format!("vacancy_units={n}"), format!("Units free: {n}"));
        }
        add(
            format!("vacancy_updated={}", v.updated_at),
            format!("Vacancy updated {}", v.updated_at),
        );
    }
    let p = &s.provenance;
    add(
        format!("source={}", p.source),
        format!("Source: {}", p.source),
    );
    if let Some(url) = &p.url {
        add(
            format!("source_url={url}"),
            format!("Source address: {url}"),
        );
    }
    if let Some(date) = &p.date {
        add(
            format!("source_date={date}"),
            format!("Source dated {date}"),
        );
    }
    if let Some(ends) = &p.contract_ends {
        add(
            format!("contract_ends={ends}"),
            format!("Contract ends {ends}"),
        );
    }
    if p.example {
        add(
            "example".into(),
            "Example record, not a real service".into(),
        );
    }
    t
}

/// Stable UUIDs (version 8, from a hash) for the parts of one service, as the ORUK
/// schema asks: the same directory always exports the same ids.
struct Ids<'a>(&'a str);

impl Ids<'_> {
    fn of(&self, part: &str, key: &str) -> Value {
        let hash =
            xxhash_rust::xxh3::xxh3_128(format!("haven\0{}\0{part}\0{key}", self.0).as_bytes());
        let mut b = hash.to_be_bytes();
        b[6] = (b[6] & 0x0f) | 0x80;
        b[8] = (b[8] & 0x3f) | 0x80;
        let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
        Value::String(format!(
            "{}-{}-{}-{}-{}",
            &hex[..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..]
        ))
    }
}
