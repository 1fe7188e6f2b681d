//! The area and year controls of the charts and table pages: an area selector (provinces and,
//! before the reform, their districts) and the map's timeline.

use leptos::prelude::*;
use ntm_core::i18n::Msg;
use ntm_core::index::{DatasetIndex, UnitIx};
use ntm_core::model::{Era, Level};
use ntm_core::names;
use ntm_core::text::collation_key;

use crate::components::controls::Timeline;
use crate::state::{History, use_app};

/// Provinces with communes in an era, and the districts of each, in Vietnamese order.
pub fn scope_tree(
    index: &DatasetIndex,
    era: Era,
    at: ntm_core::date::Date,
) -> Vec<(UnitIx, Vec<UnitIx>)> {
    // Sorted by a key computed once per name, not twice per comparison.
    let by_name = |u: &UnitIx| {
        let name = &index.unit(*u).name;
        (collation_key(name), name.clone())
    };
    let with_communes = index.provinces_with_communes(at);
    let mut provinces: Vec<UnitIx> = index
        .scopes_of_era(era)
        .into_iter()
        .filter(|u| index.unit(*u).kind.level() == Level::Province && with_communes.contains(u))
        .collect();
    ntm_core::order::sort_by_cached_key(&mut provinces, by_name);
    provinces
        .into_iter()
        .map(|p| {
            let mut districts: Vec<UnitIx> = index
                .children(p)
                .iter()
                .copied()
                .filter(|&d| {
                    index.unit(d).kind.level() == Level::District && index.unit(d).in_era(era)
                })
                .collect();
            ntm_core::order::sort_by_cached_key(&mut districts, by_name);
            (p, districts)
        })
        .collect()
}

/// The area selector: everything loaded, each province with communes, and (before the
/// reform) its districts. The options change with the era and the language, not with every
/// year: a memo keeps the year control from rebuilding them.
#[component]
pub fn ScopeSelect() -> impl IntoView {
    let app = use_app();
    let era_and_scope = Memo::new(move |_| app.resolved().map(|r| (r.step.era(), r.scope)));
    let options = move || {
        let index = app.index()?;
        let (era, current) = era_and_scope.get()?;
        let lang = app.lang();
        let date = index.steps().iter().rev().find(|s| s.era() == era)?.date;
        // An area none of whose communes has any record in the era says so before it is
        // picked (the demo lists old Bắc Ninh's units without their records).
        let known = index.areas_with_records(era);
        let name = |u: UnitIx| {
            let full = names::full_name(index.unit(u), lang);
            if known[u] {
                full
            } else {
                format!("{full} ({})", Msg::ScopeNoData.text(lang))
            }
        };
        // A district ended by the reform, asked for after it, stands for the new communes its
        // communes went into: it is listed, as "(cũ)", in the province they lie in.
        let former = current
            .filter(|&d| !index.unit(d).in_era(era))
            .and_then(|d| {
                let c = index.communes_of_era(era).find(|&c| index.within(c, d))?;
                Some((index.province_of(c), d))
            });
        Some(
            scope_tree(&index, era, date)
                .into_iter()
                .map(|(p, mut districts)| {
                    let pname = name(p);
                    let pid = index.unit(p).id.clone();
                    if let Some((_, d)) = former.filter(|&(fp, _)| fp == p) {
                        districts.push(d);
                    }
                    let districts = districts
                        .into_iter()
                        .map(|d| {
                            let id = index.unit(d).id.clone();
                            let label = if index.unit(d).in_era(era) {
                                name(d)
                            } else {
                                area_name(&index, d, era, lang)
                            };
                            view! { <option value=id selected=current == Some(d)>{label}</option> }
                        })
                        .collect_view();
                    let group = names::full_name(index.unit(p), lang);
                    view! {
                        <optgroup label=group>
                            <option value=pid selected=current == Some(p)>{pname}</option>
                            {districts}
                        </optgroup>
                    }
                })
                .collect_view(),
        )
    };
    view! {
        <label class="field">
            <span>{move || app.t(Msg::ScopeLabel)}</span>
            <select on:change=move |ev| {
                let v = event_target_value(&ev);
                app.navigate(History::Push, |s| s.scope = (!v.is_empty()).then_some(v));
            }>
                <option value="" selected=move || era_and_scope.get().is_some_and(|(_, s)| s.is_none())>{move || app.t(Msg::ScopeAll)}</option>
                {options}
            </select>
        </label>
    }
}

/// The area selector and the timeline (charts and table pages).
#[component]
pub fn ScopeYearBar() -> impl IntoView {
    view! {
        <div class="scope-bar">
            <ScopeSelect/>
            <Timeline/>
        </div>
    }
}

/// The name of the current scope ("Tỉnh Lạng Sơn", "Huyện Lục Nam (cũ)" after the reform, or
/// "everything loaded").
pub fn scope_name(
    index: &DatasetIndex,
    resolved: Option<&ntm_core::view::ResolvedView>,
    lang: ntm_core::i18n::Lang,
) -> String {
    match resolved.and_then(|r| Some((r.scope?, r.step.era()))) {
        Some((s, era)) => area_name(index, s, era, lang),
        None => Msg::ScopeAll.text(lang).to_owned(),
    }
}

/// An area's name in an era: a district ended by the reform, standing after it for the new
/// communes its communes went into, is "Huyện Lục Nam (cũ)".
fn area_name(index: &DatasetIndex, area: UnitIx, era: Era, lang: ntm_core::i18n::Lang) -> String {
    let full = names::full_name(index.unit(area), lang);
    if index.unit(area).in_era(era) {
        full
    } else {
        ntm_core::i18n::fill(Msg::ScopeFormer.text(lang), &[("name", &full)])
    }
}
