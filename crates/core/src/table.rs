//! The table of units: every commune-level unit of a scope on a date with its tier, year
//! recognised, criteria met, flags and provenance; sorting by any column in Vietnamese order,
//! filters, and the CSV of exactly the rows shown.
//!
//! Pipeline stage beside [`crate::chart_data`]: a pure function of the index and the view; the
//! app's table page renders the rows as an accessible `<table>`.

use std::cmp::Ordering;

use crate::date::Date;
use crate::i18n::{Lang, Msg};
use crate::index::{DatasetIndex, Status, UnitIx};
use crate::model::{Provenance, Reached, Tier, UnitFlag};
use crate::names::full_name;
use crate::text::compare_vi;

/// Where a row's tier comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RowProvenance {
    /// A record citing a source.
    Sourced,
    /// The tier cites a source, another figure of the row (the year at the standard, the
    /// criteria, the flag) is illustrative.
    PartlyIllustrative,
    /// A made-up demo record.
    Illustrative,
    /// A synthetic benchmark record.
    Synthetic,
}

impl RowProvenance {
    /// The provenance of one record.
    pub fn of(p: Provenance<'_>) -> Self {
        match p {
            Provenance::Sourced(_) => RowProvenance::Sourced,
            Provenance::Illustrative => RowProvenance::Illustrative,
            Provenance::Synthetic | Provenance::Missing => RowProvenance::Synthetic,
        }
    }

    /// The catalogue message naming it.
    pub fn msg(self) -> Msg {
        match self {
            RowProvenance::Sourced => Msg::Sourced,
            RowProvenance::PartlyIllustrative => Msg::PartlyIllustrative,
            RowProvenance::Illustrative => Msg::Illustrative,
            RowProvenance::Synthetic => Msg::Synthetic,
        }
    }

    /// A stable short name (CSS class, CSV).
    pub fn slug(self) -> &'static str {
        match self {
            RowProvenance::Sourced => "sourced",
            RowProvenance::PartlyIllustrative => "partly-illustrative",
            RowProvenance::Illustrative => "illustrative",
            RowProvenance::Synthetic => "synthetic",
        }
    }
}

/// One unit of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    /// The unit.
    pub unit: UnitIx,
    /// Its id.
    pub id: String,
    /// Its GSO code.
    pub code: String,
    /// The short name ("Tú Mịch"), the sort key.
    pub name: String,
    /// The enclosing unit (district before the reform, province after it).
    pub parent: Option<UnitIx>,
    /// The enclosing unit's short name.
    pub parent_name: String,
    /// Status on the date.
    pub status: Status,
    /// When first recognised at the standard, if so by the date (perhaps "by the end of" a
    /// year: shown "≤ 2016").
    pub year: Option<Reached>,
    /// Criteria met and the size of the set, from the latest assessment.
    pub criteria: Option<(usize, usize)>,
    /// The year of that assessment, when it is before the row's year: an assessment holds until
    /// the next, and the table says so ("18/19 (2016)" in 2018) rather than let it pass for
    /// that year's.
    pub criteria_year: Option<u16>,
    /// Especially disadvantaged commune.
    pub disadvantaged: bool,
    /// Whether the flags are made up for the demo.
    pub flags_illustrative: bool,
    /// Where the tier comes from.
    pub provenance: RowProvenance,
}

/// The provenance of the record behind a unit's status on a date: the recognition of its tier,
/// else its latest assessment, else the unit list itself.
pub fn status_provenance(index: &DatasetIndex, ix: UnitIx, at: Date) -> RowProvenance {
    if let Some(p) = status_record(index, ix, at) {
        return RowProvenance::of(p);
    }
    let unit = index.unit(ix);
    if unit.synthetic {
        RowProvenance::Synthetic
    } else {
        RowProvenance::Sourced
    }
}

/// The provenance of the record a commune's status rests on, on a date: the recognition of
/// the tier it holds, else its assessment; `None` where no record of its own says anything
/// (not yet by complete records, no data, not re-assessed).
pub fn status_record(index: &DatasetIndex, ix: UnitIx, at: Date) -> Option<Provenance<'_>> {
    if let Some(tier) = index.tier_at(ix, at)
        && let Some(r) = index
            .recognitions_of(ix)
            .into_iter()
            .rev()
            .find(|r| r.tier == tier && r.former.is_none() && r.effective() <= at)
    {
        return Some(r.provenance());
    }
    index.assessment_at(ix, at).map(|a| a.provenance())
}

/// The rows of a scope (`None`: everything) on a date, in dataset order.
pub fn rows(index: &DatasetIndex, scope: Option<UnitIx>, at: Date) -> Vec<TableRow> {
    index
        .communes_in(scope, at)
        .into_iter()
        .map(|ix| {
            let unit = index.unit(ix);
            let parent = index.parent(ix);
            let assessment = index.assessment_at(ix, at);
            let criteria = assessment.and_then(|a| {
                let set = index.criteria_set(&a.set)?;
                Some((a.met_count(), set.criteria.len()))
            });
            let criteria_year = assessment
                .map(|a| a.year)
                .filter(|&y| criteria.is_some() && y < at.year);
            TableRow {
                unit: ix,
                id: unit.id.clone(),
                code: unit.code.clone(),
                name: unit.name.clone(),
                parent,
                parent_name: parent
                    .map(|p| index.unit(p).name.clone())
                    .unwrap_or_default(),
                status: index.status(ix, at),
                year: index.first_reached(ix, Tier::Standard, at),
                criteria,
                criteria_year,
                disadvantaged: unit.flags.contains(&UnitFlag::Disadvantaged),
                flags_illustrative: unit.flags_illustrative,
                provenance: row_provenance(index, ix, at),
            }
        })
        .collect()
}

/// The provenance of a table row: its tier's ([`status_provenance`]), but a row whose tier is
/// sourced and whose other figures are not (an audit found "NTM nâng cao · 2020 · 19/19 · Có
/// nguồn" where only the tier had a source) is partly illustrative.
pub fn row_provenance(index: &DatasetIndex, ix: UnitIx, at: Date) -> RowProvenance {
    let tier = status_provenance(index, ix, at);
    if tier != RowProvenance::Sourced {
        return tier;
    }
    let illustrative = |p: Provenance<'_>| RowProvenance::of(p) != RowProvenance::Sourced;
    let year_record = index
        .recognitions_of(ix)
        .into_iter()
        .find(|r| r.tier == Tier::Standard && r.former.is_none() && r.effective() <= at);
    let unit = index.unit(ix);
    let partly = year_record.is_some_and(|r| illustrative(r.provenance()))
        || index
            .assessment_at(ix, at)
            .is_some_and(|a| illustrative(a.provenance()))
        || (!unit.flags.is_empty() && unit.flags_illustrative);
    if partly {
        RowProvenance::PartlyIllustrative
    } else {
        RowProvenance::Sourced
    }
}

/// A column of the table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Column {
    /// Name (default sort).
    #[default]
    Name,
    /// Enclosing unit.
    Parent,
    /// Tier.
    Tier,
    /// Year recognised.
    Year,
    /// Criteria met.
    Criteria,
    /// Flags.
    Flags,
    /// Provenance.
    Provenance,
}

impl Column {
    /// Every column, in display order.
    pub const ALL: [Column; 7] = [
        Column::Name,
        Column::Parent,
        Column::Tier,
        Column::Year,
        Column::Criteria,
        Column::Flags,
        Column::Provenance,
    ];

    /// The column heading.
    pub fn msg(self) -> Msg {
        match self {
            Column::Name => Msg::ColName,
            Column::Parent => Msg::ColParent,
            Column::Tier => Msg::ColTier,
            Column::Year => Msg::ColRecognised,
            Column::Criteria => Msg::ColCriteria,
            Column::Flags => Msg::ColFlags,
            Column::Provenance => Msg::ColProvenance,
        }
    }

    /// Whether the column holds numbers.
    pub fn is_numeric(self) -> bool {
        matches!(self, Column::Year | Column::Criteria)
    }

    /// The column's name in a URL.
    pub fn slug(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Parent => "parent",
            Column::Tier => "tier",
            Column::Year => "year",
            Column::Criteria => "criteria",
            Column::Flags => "flags",
            Column::Provenance => "source",
        }
    }
}

impl Sort {
    /// The order in a URL: "criteria-desc".
    pub fn slug(self) -> String {
        let dir = if self.ascending { "asc" } else { "desc" };
        format!("{}-{dir}", self.column.slug())
    }

    /// Reads [`Sort::slug`]; `None` for anything else.
    pub fn from_slug(s: &str) -> Option<Sort> {
        let (column, dir) = s.rsplit_once('-')?;
        let column = Column::ALL.into_iter().find(|c| c.slug() == column)?;
        let ascending = match dir {
            "asc" => true,
            "desc" => false,
            _ => return None,
        };
        Some(Sort { column, ascending })
    }
}

/// A sort order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sort {
    /// The column sorted by.
    pub column: Column,
    /// Ascending (A→Z, low→high) or descending.
    pub ascending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Self {
            column: Column::Name,
            ascending: true,
        }
    }
}

impl Sort {
    /// The order after pressing a column's heading: the same column flips; a new column starts
    /// ascending for text and descending for tiers and numbers (best first).
    pub fn toggled(self, column: Column) -> Sort {
        if self.column == column {
            Sort {
                column,
                ascending: !self.ascending,
            }
        } else {
            Sort {
                column,
                ascending: matches!(
                    column,
                    Column::Name | Column::Parent | Column::Flags | Column::Provenance
                ),
            }
        }
    }
}

fn fraction(c: Option<(usize, usize)>) -> Option<f64> {
    c.filter(|c| c.1 > 0).map(|(m, n)| m as f64 / n as f64)
}

/// Compares two optional values with `None` last in either direction.
fn cmp_option<T: PartialOrd>(left: Option<T>, right: Option<T>, ascending: bool) -> Ordering {
    match (left, right) {
        (Some(x), Some(y)) => {
            let order = x.partial_cmp(&y).unwrap_or(Ordering::Equal);
            if ascending { order } else { order.reverse() }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Sorts rows; ties fall back to the name in Vietnamese order, then the parent.
pub fn sort_rows(rows: &mut [TableRow], sort: Sort) {
    let dir = |o: Ordering| if sort.ascending { o } else { o.reverse() };
    crate::order::sort_by(rows, |a, b| {
        let primary = match sort.column {
            Column::Name => dir(compare_vi(&a.name, &b.name)),
            Column::Parent => dir(compare_vi(&a.parent_name, &b.parent_name)),
            Column::Tier => dir(a.status.cmp(&b.status)),
            Column::Year => cmp_option(
                a.year.map(|r| r.year),
                b.year.map(|r| r.year),
                sort.ascending,
            ),
            Column::Criteria => {
                cmp_option(fraction(a.criteria), fraction(b.criteria), sort.ascending)
            }
            Column::Flags => dir(b.disadvantaged.cmp(&a.disadvantaged)),
            Column::Provenance => dir(a.provenance.cmp(&b.provenance)),
        };
        primary
            .then_with(|| compare_vi(&a.name, &b.name))
            .then_with(|| compare_vi(&a.parent_name, &b.parent_name))
            .then_with(|| a.id.cmp(&b.id))
    });
}

/// Filters of the table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    /// Only this status (or, with [`Filter::at_least`], this tier and those above it).
    pub status: Option<Status>,
    /// [`Filter::status`] and the tiers above it: "at the standard or above", as published
    /// figures and the headline numbers count.
    pub at_least: bool,
    /// Only units in this district (or province, after the reform).
    pub parent: Option<UnitIx>,
    /// Only especially disadvantaged communes.
    pub disadvantaged: bool,
    /// Only units whose name contains this, with or without diacritics ("tu mich", "Tú
    /// Mịch"), or whose code it is; empty for all.
    pub name: String,
}

impl Filter {
    /// Whether a row passes; `name` is [`Filter::name`] folded (once for all rows).
    fn keeps(&self, row: &TableRow, name: &str) -> bool {
        self.status
            .is_none_or(|s| row.status == s || (self.at_least && row.status > s))
            && self.parent.is_none_or(|p| row.parent == Some(p))
            && (!self.disadvantaged || row.disadvantaged)
            && (name.is_empty() || crate::text::fold(&row.name).contains(name) || row.code == name)
    }
}

/// The rows shown: filtered, then sorted.
pub fn view(mut rows: Vec<TableRow>, filter: &Filter, sort: Sort) -> Vec<TableRow> {
    let name = crate::text::fold(&filter.name);
    rows.retain(|r| filter.keeps(r, &name));
    sort_rows(&mut rows, sort);
    rows
}

/// How many rows a page of the table shows at first, and how many more each "show more" adds:
/// a province has hundreds of communes, and on a phone each is a card of seven lines.
pub const PAGE_ROWS: usize = 50;

/// Rows shown at first in an embedded frame, which grows with its page inside an article.
pub const EMBED_PAGE_ROWS: usize = 20;

/// The enclosing units of the rows, in Vietnamese order (the choices of the parent filter).
pub fn parents(index: &DatasetIndex, rows: &[TableRow]) -> Vec<UnitIx> {
    let mut out: Vec<UnitIx> = rows.iter().filter_map(|r| r.parent).collect();
    crate::order::sort_by(&mut out, Ord::cmp);
    out.dedup();
    crate::order::sort_by_cached_key(&mut out, |&a| {
        let name = index.unit(a).name.as_str();
        (crate::text::collation_key(name), name)
    });
    out
}

/// The byte-order mark that makes Excel read a CSV file as UTF-8.
pub const BOM: &str = "\u{feff}";

/// A CSV field: quoted when it holds a separator, a quote or a line break; and, so that a
/// spreadsheet never runs it as a formula, prefixed with `'` when it starts with `=`, `+`,
/// `-`, `@` or a tab.
pub(crate) fn csv_field(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The text of the year cell: "2019", "≤ 2016" where the source says "by the end of 2016".
pub fn year_text(row: &TableRow) -> String {
    row.year.map(Reached::display).unwrap_or_default()
}

/// The text of the flags cell.
pub fn flags_text(row: &TableRow, lang: Lang) -> String {
    if row.disadvantaged {
        Msg::FlagDisadvantaged.text(lang).to_owned()
    } else {
        String::new()
    }
}

/// The rows as CSV (UTF-8 with a byte-order mark, CRLF line ends as RFC 4180 asks), with
/// headings and tier names in the interface language.
pub fn to_csv(index: &DatasetIndex, rows: &[TableRow], lang: Lang) -> String {
    let headers = [
        Msg::ColCode.text(lang),
        Msg::ColName.text(lang),
        Msg::ColParent.text(lang),
        Msg::ColTier.text(lang),
        Msg::ColRecognised.text(lang),
        Msg::ColCriteriaMet.text(lang),
        Msg::ColSetSize.text(lang),
        Msg::ColAssessedIn.text(lang),
        Msg::ColFlags.text(lang),
        Msg::ColProvenance.text(lang),
    ];
    let mut out = String::from(BOM);
    out.push_str(&headers.map(csv_field).join(","));
    out.push_str("\r\n");
    for r in rows {
        let unit = index.unit(r.unit);
        let parent = r
            .parent
            .map(|p| full_name(index.unit(p), lang))
            .unwrap_or_default();
        let fields = [
            r.code.clone(),
            full_name(unit, lang),
            parent,
            r.status.msg().text(lang).to_owned(),
            year_text(r),
            r.criteria.map(|c| c.0.to_string()).unwrap_or_default(),
            r.criteria.map(|c| c.1.to_string()).unwrap_or_default(),
            r.criteria_year.map(|y| y.to_string()).unwrap_or_default(),
            flags_text(r, lang),
            if r.status == Status::NoData {
                String::new()
            } else {
                r.provenance.msg().text(lang).to_owned()
            },
        ];
        out.push_str(
            &fields
                .iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart_data::tests::demo;

    fn table(key: &str, scope: &str) -> (DatasetIndex, Vec<TableRow>) {
        let index = demo();
        let step = index.step_by_key(key).expect("step");
        let rows = rows(&index, index.find(scope), step.date);
        (index, rows)
    }

    fn names(rows: &[TableRow]) -> Vec<&str> {
        rows.iter().map(|r| r.name.as_str()).collect()
    }

    #[test]
    fn lists_every_unit_of_the_scope() {
        let (_, rows) = table("2022", "20");
        assert_eq!(rows.len(), 6, "five xã and a township");
        let khuat_xa = rows.iter().find(|r| r.name == "Khuất Xá").expect("row");
        assert_eq!(khuat_xa.status, Status::Advanced);
        assert_eq!(khuat_xa.year.map(|r| r.year), Some(2020));
        assert_eq!(
            khuat_xa.provenance,
            RowProvenance::PartlyIllustrative,
            "the advanced decision cites a source, the year at the standard does not"
        );
        assert_eq!(khuat_xa.parent_name, "Lộc Bình");
        let dong_quan = rows.iter().find(|r| r.name == "Đông Quan").expect("row");
        assert_eq!(dong_quan.criteria, Some((2, 3)));
        assert!(dong_quan.disadvantaged);
        assert_eq!(dong_quan.provenance, RowProvenance::Illustrative);
    }

    #[test]
    fn sorts_by_every_column_in_vietnamese_order() {
        let (_, mut rows) = table("2022", "20");
        sort_rows(&mut rows, Sort::default());
        // "Đ" is its own letter after "D" (and before "K"); tones break ties only.
        assert_eq!(
            names(&rows),
            [
                "Bính Xá",
                "Đông Quan",
                "Đồng Thắng",
                "Khuất Xá",
                "Lộc Bình",
                "Tú Mịch"
            ]
        );
        sort_rows(
            &mut rows,
            Sort {
                column: Column::Name,
                ascending: false,
            },
        );
        assert_eq!(names(&rows)[0], "Tú Mịch");
        sort_rows(&mut rows, Sort::default().toggled(Column::Tier));
        assert_eq!(names(&rows)[..2], ["Khuất Xá", "Bính Xá"]);
        assert_eq!(
            *names(&rows).last().expect("row"),
            "Lộc Bình",
            "the township is not assessed"
        );
        sort_rows(
            &mut rows,
            Sort {
                column: Column::Year,
                ascending: true,
            },
        );
        assert_eq!(rows[0].year.map(|r| r.year), Some(2019));
        assert_eq!(rows.last().expect("row").year, None, "no year sorts last");
        sort_rows(
            &mut rows,
            Sort {
                column: Column::Year,
                ascending: false,
            },
        );
        assert_eq!(rows[0].year.map(|r| r.year), Some(2020));
        assert_eq!(
            rows.last().expect("row").year,
            None,
            "no year sorts last both ways"
        );
        sort_rows(
            &mut rows,
            Sort {
                column: Column::Criteria,
                ascending: false,
            },
        );
        assert_eq!(names(&rows)[..3], ["Tú Mịch", "Đông Quan", "Đồng Thắng"]);
        sort_rows(
            &mut rows,
            Sort {
                column: Column::Flags,
                ascending: true,
            },
        );
        assert_eq!(names(&rows)[0], "Đông Quan");
        sort_rows(
            &mut rows,
            Sort {
                column: Column::Parent,
                ascending: true,
            },
        );
        assert_eq!(rows[0].parent_name, "Đình Lập");
        assert_eq!(rows[5].parent_name, "Lộc Bình");
        sort_rows(
            &mut rows,
            Sort {
                column: Column::Provenance,
                ascending: true,
            },
        );
        assert_eq!(rows[0].provenance, RowProvenance::Sourced);
    }

    #[test]
    fn filters_by_tier_parent_and_flag() {
        let (index, rows) = table("2022", "20");
        // "At the standard or above" takes in the advanced and model communes, as the
        // headline numbers count them.
        let up = Filter {
            status: Some(Status::Standard),
            at_least: true,
            ..Filter::default()
        };
        let exact = Filter {
            status: Some(Status::Standard),
            ..Filter::default()
        };
        let at_least = view(rows.clone(), &up, Sort::default());
        assert!(at_least.len() > view(rows.clone(), &exact, Sort::default()).len());
        assert!(at_least.iter().all(|r| r.status.at_least_standard()));
        let f = Filter {
            status: Some(Status::Standard),
            ..Filter::default()
        };
        assert_eq!(
            names(&view(rows.clone(), &f, Sort::default())),
            ["Bính Xá", "Tú Mịch"]
        );
        let dinh_lap = index.find("182");
        let f = Filter {
            parent: dinh_lap,
            ..Filter::default()
        };
        assert_eq!(
            names(&view(rows.clone(), &f, Sort::default())),
            ["Bính Xá", "Đồng Thắng"]
        );
        let f = Filter {
            disadvantaged: true,
            ..Filter::default()
        };
        assert_eq!(
            names(&view(rows.clone(), &f, Sort::default())),
            ["Đông Quan"]
        );
        // By name, with or without the marks, in any case; or by code.
        for query in ["tu mich", "TÚ MỊCH", " Tú  Mịch "] {
            let f = Filter {
                name: query.to_owned(),
                ..Filter::default()
            };
            assert_eq!(
                names(&view(rows.clone(), &f, Sort::default())),
                ["Tú Mịch"],
                "{query}"
            );
        }
        let code = rows
            .iter()
            .find(|r| r.name == "Bính Xá")
            .expect("row")
            .code
            .clone();
        let f = Filter {
            name: code,
            ..Filter::default()
        };
        assert_eq!(names(&view(rows.clone(), &f, Sort::default())), ["Bính Xá"]);
        let f = Filter {
            name: "zzz".to_owned(),
            ..Filter::default()
        };
        assert!(view(rows.clone(), &f, Sort::default()).is_empty());
        let choices: Vec<&str> = parents(&index, &rows)
            .into_iter()
            .map(|p| index.unit(p).name.as_str())
            .collect();
        assert_eq!(choices, ["Đình Lập", "Lộc Bình"]);
    }

    #[test]
    fn writes_the_rows_shown_as_csv_for_excel() {
        let (index, rows) = table("2022", "20");
        let shown = view(
            rows,
            &Filter {
                parent: index.find("181"),
                ..Filter::default()
            },
            Sort::default(),
        );
        let csv = to_csv(&index, &shown, Lang::Vi);
        assert!(csv.starts_with("\u{feff}Mã,Tên,"), "{csv}");
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 1 + shown.len());
        assert_eq!(
            lines[2],
            "06469,Xã Khuất Xá,Huyện Lộc Bình,NTM nâng cao,2020,,,,,Một phần minh họa"
        );
        assert!(lines.iter().any(|l| l.starts_with(
            "06472,Xã Đông Quan,Huyện Lộc Bình,Chưa đạt chuẩn,,2,3,,đặc biệt khó khăn,"
        )));
        let en = to_csv(&index, &shown, Lang::En);
        assert!(
            en.contains(
                "06463,Tú Mịch Commune,Lộc Bình District,NTM standard,2020,3,3,,,Illustrative"
            ),
            "{en}"
        );
    }

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("Tú Mịch"), "Tú Mịch");
    }
}
