//! Council names as people say them. ONS names sort by place, so three councils read
//! backwards ("Bristol, City of", "Herefordshire, County of", "Kingston upon Hull, City
//! of") and Scotland's city councils carry their style ("Glasgow City", "City of
//! Edinburgh"). Labels and result cards show the spoken name; matching keeps the ONS one.

/// The name people say for a council's official ONS name: an inverted designation
/// dropped ("Bristol, City of" → "Bristol", any ", … of" tail), and a city council's
/// "City" ("Glasgow City" → "Glasgow", "City of Edinburgh" → "Edinburgh"). The City of
/// London keeps its name: "London" would mean all of it. Any other name is returned
/// as it is.
pub fn spoken_name(official: &str) -> &str {
    let name = official;
    // By bytes rather than `rsplit_once(", ")`: its substring search cost the wasm
    // 1.5 KB gzipped (measured), and a comma is one byte.
    let comma = name.bytes().rposition(|b| b == b',');
    let split = comma.and_then(|at| Some((name.get(..at)?, name.get(at + 1..)?)));
    if let Some((place, tail)) = split {
        // Only a designation ("City of", "County of", "Royal Borough of"): commas
        // also join places ("Newry, Mourne and Down"), which must stay.
        if tail.ends_with(" of") && !place.is_empty() {
            return place;
        }
    }
    if let Some(place) = name.strip_suffix(" City").filter(|p| !p.is_empty()) {
        return place;
    }
    if let Some(place) = name.strip_prefix("City of ") {
        if place != "London" && !place.is_empty() {
            return place;
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::spoken_name;
    use crate::AreaTable;

    #[test]
    fn inverted_and_city_council_names_read_as_people_say_them() {
        let cases = [
            ("Herefordshire, County of", "Herefordshire"),
            ("Bristol, City of", "Bristol"),
            ("Kingston upon Hull, City of", "Kingston upon Hull"),
            ("Glasgow City", "Glasgow"),
            ("Aberdeen City", "Aberdeen"),
            ("Dundee City", "Dundee"),
            ("City of Edinburgh", "Edinburgh"),
            ("City of London", "City of London"),
            (
                "Armagh City, Banbridge and Craigavon",
                "Armagh City, Banbridge and Craigavon",
            ),
            ("Newry, Mourne and Down", "Newry, Mourne and Down"),
            (
                "Bournemouth, Christchurch and Poole",
                "Bournemouth, Christchurch and Poole",
            ),
            ("Vale of Glamorgan", "Vale of Glamorgan"),
            ("Bedford", "Bedford"),
            ("", ""),
            (", City of", ", City of"),
            ("City", "City"),
        ];
        for (official, spoken) in cases {
            assert_eq!(spoken_name(official), spoken, "{official}");
        }
    }

    #[test]
    fn no_spoken_name_of_a_real_council_is_inverted_or_empty() {
        for area in AreaTable::builtin().iter() {
            let spoken = spoken_name(&area.name);
            assert!(
                !spoken.is_empty() && !spoken.ends_with(" of") && !spoken.ends_with(" City"),
                "{} reads as {spoken:?}",
                area.name
            );
        }
    }
}
