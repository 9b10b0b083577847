//! `/sections/{slug}/statistiques`: twelve months of a section's field work — actions per month
//! by kind, then tracts, doors and contacts — as server-drawn SVG charts, with every number in
//! an accessible table below.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::actions::get_section_statistics::get_section_statistics;
use crate::components::charts::{Bar, BarChart};
use crate::components::lang::{use_lang, use_texts};
use crate::components::loaded::Loaded;
use crate::i18n::{format_month, format_number};
use crate::model::action::ActionKind;
use crate::model::report::{MonthStats, SectionStatsView};

#[component]
pub fn SectionStatisticsPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let stats = Resource::new_blocking(slug, get_section_statistics);
    view! {
        <Meta name="robots" content="noindex" />
        <Loaded resource=stats then=move |stats| view! { <Statistics stats /> } />
    }
}

/// The CSS class that colours a kind in the charts and the legend: one colour per kind.
fn kind_class(kind: ActionKind) -> &'static str {
    match kind {
        ActionKind::Tractage => "kind-tractage",
        ActionKind::Boitage => "kind-boitage",
        ActionKind::PorteAPorte => "kind-porte-a-porte",
        ActionKind::Phoning => "kind-phoning",
        ActionKind::Collage => "kind-collage",
        ActionKind::ReunionPublique => "kind-reunion-publique",
        ActionKind::ReunionAppartement => "kind-reunion-appartement",
        ActionKind::Permanence => "kind-permanence",
        ActionKind::Meeting => "kind-meeting",
        ActionKind::Formation => "kind-formation",
        ActionKind::Autre => "kind-autre",
    }
}

#[component]
fn Statistics(stats: SectionStatsView) -> impl IntoView {
    let t = use_texts().reports;
    let kinds_text = use_texts().actions.kind;
    let lang = use_lang();
    let title = (t.stats_title)(&stats.name);
    let label = move |m: &MonthStats| format_month(lang, m.year, m.month, true);
    let by_kind: Vec<Bar> = stats
        .months
        .iter()
        .map(|m| Bar { label: label(m), segments: m.by_kind.iter().map(|(k, n)| (kind_class(*k), *n)).collect() })
        .collect();
    let single = |pick: fn(&MonthStats) -> i64, class: &'static str| -> Vec<Bar> {
        stats.months.iter().map(|m| Bar { label: label(m), segments: vec![(class, pick(m))] }).collect()
    };
    let tracts = single(|m| m.tracts, "series-tracts");
    let doors = single(|m| m.doors_knocked, "series-doors");
    let contacts = single(|m| m.contacts, "series-contacts");
    let number = move |n: i64| format_number(lang, n);
    // Each cell carries its column's name: on a phone every month is a card of labelled figures.
    let row = move |name: String, m: &MonthStats| {
        view! {
            <tr>
                <th scope="row">{name}</th>
                <td data-label=t.actions>{number(m.actions)}</td>
                <td data-label=t.participants>{number(m.participants)}</td>
                <td data-label=t.tracts>{number(m.tracts)}</td>
                <td data-label=t.doors>{format!("{} / {}", number(m.doors_opened), number(m.doors_knocked))}</td>
                <td data-label=t.conversations>{number(m.conversations)}</td>
                <td data-label=t.calls>{number(m.calls)}</td>
                <td data-label=t.contacts>{number(m.contacts)}</td>
                <td data-label=t.reported>{number(m.reported)}</td>
            </tr>
        }
    };
    let rows = stats.months.iter().map(|m| row(format_month(lang, m.year, m.month, false), m)).collect_view();
    let total = row(t.total.to_string(), &stats.totals);
    view! {
        <Title text=title.clone() />
        <section class="page statistics-page">
            <p><a href=format!("/sections/{}", stats.slug)>{format!("← {}", stats.name)}</a></p>
            <h1>{title}</h1>
            <p class="lead">{t.stats_intro}</p>
            <p class="hint">{(t.chart_summary)(stats.totals.actions, stats.totals.tracts)}</p>
            <BarChart title=t.chart_actions bars=by_kind empty=t.chart_empty />
            <ul class="chart-legend">
                {stats.totals.by_kind.iter().map(|(k, n)| view! {
                    <li><span class=format!("swatch {}", kind_class(*k)) aria-hidden="true"></span>{format!("{} ({})", kinds_text(*k), number(*n))}</li>
                }).collect_view()}
            </ul>
            <h2>{t.chart_results}</h2>
            <div class="chart-row">
                <BarChart title=t.tracts bars=tracts class="small" empty=t.chart_empty />
                <BarChart title=t.doors_knocked bars=doors class="small" empty=t.chart_empty />
                <BarChart title=t.contacts bars=contacts class="small" empty=t.chart_empty />
            </div>
            <div class="table-scroll">
                <table class="stats-table responsive-table">
                    <caption>{t.table_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t.month}</th>
                            <th scope="col">{t.actions}</th>
                            <th scope="col">{t.participants}</th>
                            <th scope="col">{t.tracts}</th>
                            <th scope="col">{t.doors}</th>
                            <th scope="col">{t.conversations}</th>
                            <th scope="col">{t.calls}</th>
                            <th scope="col">{t.contacts}</th>
                            <th scope="col">{t.reported}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>{total}</tfoot>
                </table>
            </div>
        </section>
    }
}
