//! `/sections/{slug}/statistiques`: a section's field work over the last twelve months, by
//! Europe/Paris month — actions by kind, participants, tracts, doors, contacts. One statement
//! over the section's actions, aggregated here.

use crate::error::AppError;
use crate::model::action::ActionKind;
use crate::model::paris_time::{paris_month_start, paris_year_month};
use crate::model::report::{MonthStats, SectionStatsView};
use crate::server::context::AppState;
use crate::server::now_ms;
use crate::server::policy::actions as rules;
use crate::server::policy::{SectionScope, Subject};
use crate::server::store::{self, reports::StatRow};

const MONTHS: i64 = 12;

/// (year, month) `back` months before (year, month).
fn months_before(year: i64, month: u32, back: i64) -> (i64, u32) {
    let index = year * 12 + i64::from(month) - 1 - back;
    (index.div_euclid(12), (index.rem_euclid(12) + 1) as u32)
}

fn add(m: &mut MonthStats, row: &StatRow) {
    let kind = ActionKind::parse(&row.kind).unwrap_or(ActionKind::Autre);
    match m.by_kind.iter_mut().find(|(k, _)| *k == kind) {
        Some((_, n)) => *n += 1,
        None => m.by_kind.push((kind, 1)),
    }
    m.actions += 1;
    m.participants += row.present.unwrap_or(row.going);
    m.tracts += row.tracts.unwrap_or(0);
    m.doors_knocked += row.doors_knocked.unwrap_or(0);
    m.doors_opened += row.doors_opened.unwrap_or(0);
    m.conversations += row.conversations.unwrap_or(0);
    m.calls += row.calls.unwrap_or(0);
    m.contacts += row.contacts;
    m.reported += i64::from(row.present.is_some());
}

fn sort_kinds(m: &mut MonthStats) {
    m.by_kind.sort_by_key(|(k, _)| ActionKind::ALL.iter().position(|x| x == k));
}

/// The twelve months ending with the current one, filled from the rows.
pub fn aggregate(rows: &[StatRow], now: i64) -> (Vec<MonthStats>, MonthStats) {
    let (year, month) = paris_year_month(now);
    let mut months: Vec<MonthStats> = (0..MONTHS)
        .rev()
        .map(|back| {
            let (year, month) = months_before(year, month, back);
            MonthStats { year, month, ..MonthStats::default() }
        })
        .collect();
    let mut totals = MonthStats::default();
    for row in rows {
        let (y, m) = paris_year_month(row.starts_at);
        if let Some(bucket) = months.iter_mut().find(|b| b.year == y && b.month == m) {
            add(bucket, row);
            add(&mut totals, row);
        }
    }
    months.iter_mut().for_each(sort_kinds);
    sort_kinds(&mut totals);
    (months, totals)
}

pub async fn section(state: &AppState, subject: &Subject, slug: &str) -> Result<SectionStatsView, AppError> {
    let section = store::sections::by_slug(&state.db, &slug.to_lowercase()).await?.ok_or(AppError::NotFound)?;
    let scope = SectionScope { id: section.id, federation_code: section.federation_code.clone() };
    if !rules::can_see_section_statistics(subject, &scope) {
        return Err(if subject.is_active() { AppError::Forbidden } else { AppError::NotAuthenticated });
    }
    let now = now_ms();
    let (year, month) = paris_year_month(now);
    let (from_y, from_m) = months_before(year, month, MONTHS - 1);
    let rows = store::reports::section_stat_rows(&state.db, section.id, paris_month_start(from_y, from_m), now).await?;
    let (months, totals) = aggregate(&rows, now);
    Ok(SectionStatsView { slug: section.slug, name: section.name, months, totals })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(kind: &str, starts_at: i64, going: i64, tracts: Option<i64>) -> StatRow {
        StatRow {
            kind: kind.into(),
            starts_at,
            going,
            present: tracts.map(|_| going + 1),
            tracts,
            doors_knocked: None,
            doors_opened: None,
            conversations: None,
            calls: None,
            contacts: 2,
        }
    }

    #[test]
    fn months_wrap_over_years() {
        assert_eq!(months_before(2026, 3, 2), (2026, 1));
        assert_eq!(months_before(2026, 1, 1), (2025, 12));
        assert_eq!(months_before(2026, 12, 11), (2026, 1));
    }

    #[test]
    fn rows_land_in_their_paris_month() {
        let now = paris_month_start(2026, 12) + 5 * 86_400_000;
        let november = paris_month_start(2026, 11) + 86_400_000;
        let rows = [
            row("tractage", november, 3, Some(400)),
            row("phoning", november, 2, None),
            row("tractage", now - 1000, 1, None),
            row("tractage", paris_month_start(2025, 1), 9, Some(1)), // too old: ignored
        ];
        let (months, totals) = aggregate(&rows, now);
        assert_eq!(months.len(), 12);
        assert_eq!((months[11].year, months[11].month), (2026, 12));
        let nov = &months[10];
        assert_eq!(nov.actions, 2);
        assert_eq!(nov.by_kind, vec![(ActionKind::Tractage, 1), (ActionKind::Phoning, 1)]);
        assert_eq!(nov.participants, 4 + 2, "present from the compte-rendu, else the places taken");
        assert_eq!((nov.tracts, nov.contacts, nov.reported), (400, 4, 1));
        assert_eq!(totals.actions, 3);
    }
}
