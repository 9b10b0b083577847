//! Bar charts drawn as SVG on the server (and identically when hydrating): no chart library, no
//! script. Colours come from CSS classes (light and dark themes); the numbers are always also in
//! an accessible table beside the chart, so the SVG is one labelled image.

use leptos::prelude::*;

use crate::components::lang::use_lang;
use crate::i18n::format_number;

/// One bar: its axis label and its stacked segments (CSS class, value), bottom first.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub segments: Vec<(&'static str, i64)>,
}

const WIDTH: f64 = 360.0;
const HEIGHT: f64 = 160.0;
const AXIS: f64 = 18.0;
const TOP: f64 = 14.0;

/// Rounds a maximum up to a readable scale top (1, 2, 5 × 10ⁿ).
pub fn nice_max(max: i64) -> i64 {
    let mut step = 1;
    loop {
        for m in [1, 2, 5] {
            if m * step >= max.max(1) {
                return m * step;
            }
        }
        step *= 10;
    }
}

#[component]
pub fn BarChart(
    #[prop(into)] title: String,
    bars: Vec<Bar>,
    #[prop(optional, into)] class: String,
    /// Said instead of drawing a chart of zeros.
    empty: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let highest = bars.iter().map(|b| b.segments.iter().map(|(_, v)| *v).sum::<i64>()).max().unwrap_or(0);
    if highest == 0 {
        return view! {
            <figure class=format!("chart empty {class}")>
                <figcaption>{title}</figcaption>
                <p class="empty-state">{empty}</p>
            </figure>
        }
        .into_any();
    }
    let top = nice_max(highest);
    let n = bars.len().max(1) as f64;
    let slot = WIDTH / n;
    let plot = HEIGHT - AXIS - TOP;
    let title_id = format!("graphique-{}", title.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_lowercase());
    let columns = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let x = i as f64 * slot + slot * 0.15;
            let w = slot * 0.7;
            let mut base = HEIGHT - AXIS;
            let rects = bar
                .segments
                .into_iter()
                .filter(|(_, v)| *v > 0)
                .map(|(class, v)| {
                    let h = plot * v as f64 / top as f64;
                    base -= h;
                    view! { <rect class=class x=format!("{x:.1}") y=format!("{base:.1}") width=format!("{w:.1}") height=format!("{h:.1}") /> }
                })
                .collect_view();
            let label_x = x + w / 2.0;
            view! {
                <g>
                    {rects}
                    <text class="chart-label" x=format!("{label_x:.1}") y=format!("{:.1}", HEIGHT - 5.0) text-anchor="middle">{bar.label}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class=format!("chart {class}")>
            <figcaption id=title_id.clone()>{title}</figcaption>
            // The drawing keeps its proportions (stretched, its labels were too).
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby=title_id>
                <line class="chart-axis" x1="0" x2=WIDTH.to_string() y1=format!("{:.1}", HEIGHT - AXIS) y2=format!("{:.1}", HEIGHT - AXIS) />
                <line class="chart-grid" x1="0" x2=WIDTH.to_string() y1=TOP.to_string() y2=TOP.to_string() />
                <text class="chart-label" x="2" y=format!("{:.1}", TOP - 3.0)>{format_number(lang, top)}</text>
                {columns}
            </svg>
        </figure>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_tops_are_readable() {
        assert_eq!(nice_max(0), 1);
        assert_eq!(nice_max(3), 5);
        assert_eq!(nice_max(7), 10);
        assert_eq!(nice_max(180), 200);
        assert_eq!(nice_max(501), 1000);
    }
}
