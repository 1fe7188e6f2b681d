//! `export`: the dataset back out for other tools: CSV for Excel (UTF-8 with a byte-order mark,
//! which Excel needs to show Vietnamese correctly) and GeoJSON of the communes of each era for
//! QGIS.
//!
//! Statuses are computed by the core index exactly as the app shows them, so a spreadsheet of
//! the export matches the map.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ntm_core::geometry::{self, Geometry};
use ntm_core::i18n::{Lang, Msg, fill};
use ntm_core::index::{DatasetIndex, Step};
use ntm_core::model::{Era, Level, Tier, Unit};
use ntm_core::validate::Report;
use serde_json::{Value, json};

use crate::build::{LangArg, write_atomic};

/// Arguments of `export`.
#[derive(clap::Args)]
pub struct ExportArgs {
    /// The built dataset.
    #[arg(long, default_value = "public/data/ntm.json")]
    pub dataset: PathBuf,
    /// Folder to write into.
    #[arg(long)]
    pub out: PathBuf,
    /// Language of labels in the CSV files.
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    pub lang: LangArg,
}

fn tier_label(tier: Tier, lang: Lang) -> &'static str {
    match tier {
        Tier::Standard => Msg::TierStandard.text(lang),
        Tier::Advanced => Msg::TierAdvanced.text(lang),
        Tier::Model => Msg::TierModel.text(lang),
        Tier::ModelVillage => Msg::TierModelVillage.text(lang),
    }
}

fn official_name(u: &Unit) -> String {
    format!("{} {}", u.kind.prefix_vi(), u.name)
}

fn kind_slug(u: &Unit) -> String {
    serde_json::to_value(u.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn provenance(source: Option<&String>, illustrative: bool, lang: Lang) -> String {
    match source {
        Some(s) => s.clone(),
        None if illustrative => Msg::Illustrative.text(lang).to_lowercase(),
        None => Msg::Synthetic.text(lang).to_owned(),
    }
}

/// CSV bytes with a UTF-8 byte-order mark.
fn csv_bytes(header: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>, String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(header).map_err(|e| e.to_string())?;
    for r in rows {
        w.write_record(r).map_err(|e| e.to_string())?;
    }
    let body = w.into_inner().map_err(|e| e.to_string())?;
    let mut out = b"\xEF\xBB\xBF".to_vec();
    out.extend(body);
    Ok(out)
}

fn write_csv(
    dir: &Path,
    name: &str,
    header: &[String],
    rows: &[Vec<String>],
    lang: Lang,
) -> Result<(), String> {
    let path = dir.join(name);
    write_atomic(&path, &csv_bytes(header, rows)?)?;
    note!(
        "{}",
        fill(
            Msg::CliExported.text(lang),
            &[
                ("path", &path.display().to_string()),
                ("n", &rows.len().to_string())
            ]
        )
    );
    Ok(())
}

fn units_table(index: &DatasetIndex, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let steps = index.steps().to_vec();
    let mut header: Vec<String> = [
        "id",
        "code",
        "name",
        "kind",
        "parent_code",
        "valid_from",
        "valid_to",
        "lat",
        "lon",
        "flags",
        "successors",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for s in &steps {
        header.push(format!("status_{}", s.key()));
    }
    for s in &steps {
        header.push(format!("criteria_{}", s.key()));
    }
    // Where each status comes from, as the recognitions' `source` column says it: a source id,
    // "minh họa" or "tổng hợp" (an exported map must not pass illustrative tiers off as facts).
    for s in &steps {
        header.push(format!("source_{}", s.key()));
    }
    let mut rows = Vec::new();
    for ix in 0..index.len() {
        let u = index.unit(ix);
        let parent = index
            .parent(ix)
            .map(|p| index.unit(p).code.clone())
            .unwrap_or_default();
        let mut row = vec![
            u.id.clone(),
            u.code.clone(),
            official_name(u),
            kind_slug(u),
            parent,
            u.from.map(|d| d.to_string()).unwrap_or_default(),
            u.to.map(|d| d.to_string()).unwrap_or_default(),
            u.at.map(|a| a[0].to_string()).unwrap_or_default(),
            u.at.map(|a| a[1].to_string()).unwrap_or_default(),
            if u.flags.is_empty() {
                String::new()
            } else if u.flags_illustrative {
                format!(
                    "{} ({})",
                    Msg::FlagDisadvantaged.text(lang),
                    Msg::Illustrative.text(lang)
                )
            } else {
                Msg::FlagDisadvantaged.text(lang).to_owned()
            },
            u.became
                .iter()
                .map(|s| {
                    if s.part {
                        format!("{} (part)", s.unit)
                    } else {
                        s.unit.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join("|"),
        ];
        let commune = u.kind.level() == Level::Commune;
        let in_force = |s: &Step| commune && u.valid_on(s.date);
        for s in &steps {
            row.push(if in_force(s) {
                index.status(ix, s.date).msg().text(lang).to_owned()
            } else {
                String::new()
            });
        }
        for s in &steps {
            let cell = if in_force(s) {
                index
                    .assessment_at(ix, s.date)
                    .and_then(|a| {
                        let set = index.criteria_set(&a.set)?;
                        Some(format!("{}/{}", a.met_count(), set.criteria.len()))
                    })
                    .unwrap_or_default()
            } else {
                String::new()
            };
            row.push(cell);
        }
        for s in &steps {
            row.push(if in_force(s) {
                status_source(index, ix, s.date, lang)
            } else {
                String::new()
            });
        }
        rows.push(row);
    }
    (header, rows)
}

fn recognitions_table(index: &DatasetIndex, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let header = [
        "code",
        "name",
        "unit_id",
        "tier",
        "tier_code",
        "year",
        "by_year",
        "date",
        "decision",
        "criteria_set",
        "village",
        "former",
        "source",
        "provenance",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let mut rows = Vec::new();
    for r in &index.data.recognitions {
        let (code, name) = index.find(&r.unit).map_or_else(
            || (r.unit.clone(), String::new()),
            |ix| (index.unit(ix).code.clone(), official_name(index.unit(ix))),
        );
        rows.push(vec![
            code,
            name,
            r.unit.clone(),
            tier_label(r.tier, lang).to_owned(),
            // The same in words that need no Vietnamese, as the provenance column below.
            serde_json::to_value(r.tier)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            r.year.to_string(),
            // "By the end of that year", as the import reads it (`csv_dataset`).
            match (r.by_year, lang) {
                (false, _) => String::new(),
                (true, Lang::Vi) => "có".to_owned(),
                (true, Lang::En) => "yes".to_owned(),
            },
            r.date.map(|d| d.to_string()).unwrap_or_default(),
            r.decision.clone().unwrap_or_default(),
            r.set.clone().unwrap_or_default(),
            r.village.clone().unwrap_or_default(),
            r.former.clone().unwrap_or_default(),
            provenance(r.source.as_ref(), r.illustrative, lang),
            ntm_core::table::RowProvenance::of(r.provenance())
                .slug()
                .to_owned(),
        ]);
    }
    (header, rows)
}

fn indicators_table(index: &DatasetIndex, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let header = [
        "code", "name", "kind", "metric", "year", "date", "value", "max", "of", "note_vi",
        "note_en", "source",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let slug = |v: Value| v.as_str().unwrap_or_default().to_owned();
    let rows = index
        .data
        .indicators
        .iter()
        .map(|i| {
            let (code, name) = index.find(&i.unit).map_or_else(
                || (i.unit.clone(), String::new()),
                |ix| (index.unit(ix).code.clone(), official_name(index.unit(ix))),
            );
            vec![
                code,
                name,
                slug(serde_json::to_value(i.kind).unwrap_or(Value::Null)),
                slug(serde_json::to_value(i.metric).unwrap_or(Value::Null)),
                i.year.to_string(),
                i.date.map(|d| d.to_string()).unwrap_or_default(),
                i.value.to_string(),
                i.max.map(|v| v.to_string()).unwrap_or_default(),
                i.of.map(|v| v.to_string()).unwrap_or_default(),
                i.note.as_ref().map(|n| n.vi.clone()).unwrap_or_default(),
                i.note
                    .as_ref()
                    .and_then(|n| n.en.clone())
                    .unwrap_or_default(),
                provenance(i.source.as_ref(), i.illustrative, lang),
            ]
        })
        .collect();
    (header, rows)
}

/// The communes of one era as a GeoJSON feature collection, with the status at the era's
/// last step.
fn era_geojson(index: &DatasetIndex, geometry: &Geometry, era: Era, lang: Lang) -> Value {
    let last = index.steps().iter().rev().find(|s| s.era() == era).copied();
    let mut features = Vec::new();
    for shape in &geometry.shapes {
        let Some(ix) = index.find(&shape.unit) else {
            continue;
        };
        let u = index.unit(ix);
        let polygons: Vec<Value> = shape
            .polygons
            .iter()
            .map(|rings| {
                Value::Array(
                    rings
                        .iter()
                        .map(|ring| {
                            Value::Array(
                                geometry
                                    .ring_points(ring)
                                    .into_iter()
                                    .map(|[lon, lat]| json!([round6(lon), round6(lat)]))
                                    .collect(),
                            )
                        })
                        .collect(),
                )
            })
            .collect();
        let status = last.map(|s| index.status(ix, s.date));
        features.push(json!({
            "type": "Feature",
            "properties": {
                "id": u.id,
                "code": u.code,
                "name": official_name(u),
                "kind": kind_slug(u),
                "parent": index.parent(ix).map(|p| index.unit(p).code.clone()),
                "status": status.map(ntm_core::index::Status::slug),
                "status_label": status.map(|s| s.msg().text(lang)),
                "status_date": last.map(|s| s.date.to_string()),
                "status_label_en": status.map(|s| s.msg().text(Lang::En)),
                "status_source": last.map(|s| status_source(index, ix, s.date, lang)),
                // The same, in words that need no Vietnamese: sourced, illustrative,
                // synthetic, or none (no record of the commune's own).
                "status_provenance": last.and_then(|s| {
                    ntm_core::table::status_record(index, ix, s.date)
                        .map(|p| ntm_core::table::RowProvenance::of(p).slug())
                }),
                "approx": shape.approx,
            },
            "geometry": {"type": "MultiPolygon", "coordinates": polygons},
        }));
    }
    json!({"type": "FeatureCollection", "features": features})
}

/// The source of the record a commune's status rests on (see
/// [`ntm_core::table::status_record`]), written as the `source` columns are; empty where no
/// record of the commune's own says anything.
fn status_source(index: &DatasetIndex, ix: usize, at: ntm_core::date::Date, lang: Lang) -> String {
    use ntm_core::model::Provenance;
    match ntm_core::table::status_record(index, ix, at) {
        Some(Provenance::Sourced(id)) => id.to_owned(),
        Some(Provenance::Illustrative) => Msg::Illustrative.text(lang).to_lowercase(),
        Some(Provenance::Synthetic | Provenance::Missing) => Msg::Synthetic.text(lang).to_owned(),
        None => String::new(),
    }
}

/// The sources the `source` columns name by id: title (and its English translation),
/// publisher, date and address.
fn sources_table(index: &DatasetIndex) -> (Vec<String>, Vec<Vec<String>>) {
    let header = [
        "id",
        "title",
        "title_en",
        "publisher",
        "date",
        "url",
        "file",
    ]
    .map(str::to_owned)
    .to_vec();
    let rows = index
        .data
        .sources
        .iter()
        .map(|s| {
            vec![
                s.id.clone(),
                s.title.clone(),
                s.title_en.clone().unwrap_or_default(),
                s.publisher.clone(),
                s.date.map(|d| d.to_string()).unwrap_or_default(),
                s.url.clone().unwrap_or_default(),
                s.file.clone().unwrap_or_default(),
            ]
        })
        .collect();
    (header, rows)
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Runs `export`.
pub fn run(args: &ExportArgs) -> Result<ExitCode, String> {
    let lang = Lang::from(args.lang);
    let text = std::fs::read_to_string(&args.dataset)
        .map_err(|e| format!("{}: {e}", args.dataset.display()))?;
    let data = ntm_core::load::parse_dataset(&text).map_err(|e| {
        format!(
            "{}: {}",
            args.dataset.display(),
            e.message(lang, "ntm.json")
        )
    })?;
    let geometry_files = data.geometry.clone();
    let index = DatasetIndex::new(data);
    std::fs::create_dir_all(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;

    let (h, rows) = units_table(&index, lang);
    write_csv(&args.out, "units.csv", &h, &rows, lang)?;
    let (h, rows) = recognitions_table(&index, lang);
    write_csv(&args.out, "recognitions.csv", &h, &rows, lang)?;
    let (h, rows) = indicators_table(&index, lang);
    write_csv(&args.out, "indicators.csv", &h, &rows, lang)?;
    let (h, rows) = sources_table(&index);
    write_csv(&args.out, "sources.csv", &h, &rows, lang)?;

    let dir = args.dataset.parent().unwrap_or(Path::new("."));
    for g in geometry_files {
        let path = dir.join(&g.file);
        let Ok(gtext) = std::fs::read_to_string(&path) else {
            note!(
                "{}",
                fill(
                    Msg::CliNoGeometry.text(lang),
                    &[("file", &path.display().to_string()), ("era", g.era.slug())]
                )
            );
            continue;
        };
        let doc = geometry::parse(&gtext).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut report = Report::default();
        let decoded = geometry::decode(doc, &mut report);
        let value = era_geojson(&index, &decoded, g.era, lang);
        let n = value["features"].as_array().map_or(0, Vec::len);
        let out = args.out.join(format!("communes-{}.geojson", g.era.slug()));
        let body = serde_json::to_string(&value).map_err(|e| e.to_string())?;
        write_atomic(&out, body.as_bytes())?;
        note!(
            "{}",
            fill(
                Msg::CliExported.text(lang),
                &[("path", &out.display().to_string()), ("n", &n.to_string())]
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}
