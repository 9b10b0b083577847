//! The month and week views of /actions: which days a period covers (whole weeks, Monday first,
//! Europe/Paris) and the actions of each day.

use crate::model::action::{ActionSummary, ActionsLayout, CalendarDay, CalendarView};
use crate::model::paris_time::{civil_add_days, civil_iso, civil_weekday, paris_civil_day, parse_paris_day};

type Day = (i64, u32, u32);

/// The days a month or week view shows, read from `periode` (`YYYY-MM` or `YYYY-MM-DD`); the
/// current month or week when it is missing or not a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    pub layout: ActionsLayout,
    pub year: i64,
    pub month: u32,
    pub first: Day,
    pub days: i64,
    previous: String,
    next: String,
}

fn parse_month(raw: &str) -> Option<(i64, u32)> {
    let (y, m) = raw.trim().split_once('-')?;
    let (y, m) = (y.parse::<i64>().ok()?, m.parse::<u32>().ok()?);
    ((2000..=2100).contains(&y) && (1..=12).contains(&m)).then_some((y, m))
}

fn parse_day(raw: &str) -> Option<Day> {
    let ms = parse_paris_day(raw)?;
    let day = paris_civil_day(ms);
    (2000..=2100).contains(&day.0).then_some(day)
}

impl Period {
    pub fn new(layout: ActionsLayout, raw: &str, now_ms: i64) -> Period {
        let today = paris_civil_day(now_ms);
        if layout == ActionsLayout::Week {
            let day = parse_day(raw).unwrap_or(today);
            let monday = civil_add_days(day, -civil_weekday(day));
            return Period {
                layout,
                year: monday.0,
                month: monday.1,
                first: monday,
                days: 7,
                previous: civil_iso(civil_add_days(monday, -7)),
                next: civil_iso(civil_add_days(monday, 7)),
            };
        }
        let (year, month) = parse_month(raw).unwrap_or((today.0, today.1));
        let first_of_month = (year, month, 1);
        let next_month = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
        let previous_month = if month == 1 { (year - 1, 12) } else { (year, month - 1) };
        let last_of_month = civil_add_days((next_month.0, next_month.1, 1), -1);
        let first = civil_add_days(first_of_month, -civil_weekday(first_of_month));
        let last = civil_add_days(last_of_month, 6 - civil_weekday(last_of_month));
        let days = (1..=42).find(|n| civil_add_days(first, n - 1) == last).unwrap_or(42);
        Period {
            layout: ActionsLayout::Month,
            year,
            month,
            first,
            days,
            previous: format!("{:04}-{:02}", previous_month.0, previous_month.1),
            next: format!("{:04}-{:02}", next_month.0, next_month.1),
        }
    }

    /// UTC milliseconds of the first instant shown.
    pub fn start_ms(&self) -> i64 {
        parse_paris_day(&civil_iso(self.first)).unwrap_or(0)
    }

    /// UTC milliseconds just after the last day shown.
    pub fn end_ms(&self) -> i64 {
        parse_paris_day(&civil_iso(civil_add_days(self.first, self.days))).unwrap_or(i64::MAX)
    }

    /// The days with their actions (`items` sorted by start, as the query returns them).
    pub fn view(&self, items: Vec<ActionSummary>, truncated: bool, now_ms: i64) -> CalendarView {
        let today = paris_civil_day(now_ms);
        let mut by_day: Vec<(Day, ActionSummary)> = items.into_iter().map(|a| (paris_civil_day(a.starts_at_ms), a)).collect();
        let days = (0..self.days)
            .map(|i| {
                let day = civil_add_days(self.first, i);
                let (mine, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut by_day).into_iter().partition(|(d, _)| *d == day);
                by_day = rest;
                CalendarDay {
                    date: civil_iso(day),
                    start_ms: parse_paris_day(&civil_iso(day)).unwrap_or(0),
                    day_of_month: day.2,
                    in_period: self.layout == ActionsLayout::Week || day.1 == self.month,
                    today: day == today,
                    items: mine.into_iter().map(|(_, a)| a).collect(),
                }
            })
            .collect();
        CalendarView {
            layout: self.layout,
            year: self.year,
            month: self.month,
            first_day_ms: self.start_ms(),
            previous: self.previous.clone(),
            next: self.next.clone(),
            days,
            truncated,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::paris_time::parse_paris_datetime;

    fn at(raw: &str) -> i64 {
        parse_paris_datetime(raw).unwrap_or(0)
    }

    #[test]
    fn a_month_is_whole_weeks_from_monday() {
        // December 2026 starts on a Tuesday and ends on a Thursday.
        let p = Period::new(ActionsLayout::Month, "2026-12", 0);
        assert_eq!(p.first, (2026, 11, 30));
        assert_eq!(p.days, 35);
        assert_eq!((p.previous.as_str(), p.next.as_str()), ("2026-11", "2027-01"));
        assert_eq!(p.start_ms(), at("2026-11-30T00:00"));
        assert_eq!(p.end_ms(), at("2027-01-04T00:00"));
    }

    #[test]
    fn a_week_starts_on_the_monday_of_the_given_day() {
        let p = Period::new(ActionsLayout::Week, "2026-12-05", 0);
        assert_eq!(p.first, (2026, 11, 30));
        assert_eq!((p.previous.as_str(), p.next.as_str()), ("2026-11-23", "2026-12-07"));
        assert_eq!(p.days, 7);
    }

    #[test]
    fn missing_or_odd_periods_mean_now() {
        let now = at("2026-12-02T10:00");
        assert_eq!(Period::new(ActionsLayout::Month, "", now).month, 12);
        assert_eq!(Period::new(ActionsLayout::Month, "2026-13", now).month, 12);
        assert_eq!(Period::new(ActionsLayout::Week, "<script>", now).first, (2026, 11, 30));
    }

    #[test]
    fn actions_land_on_their_paris_day() {
        let p = Period::new(ActionsLayout::Week, "2026-12-05", at("2026-12-02T10:00"));
        let mut action = crate::model::action::tests::summary_for_tests();
        action.starts_at_ms = at("2026-12-05T00:30"); // 23:30 UTC on the 4th
        let view = p.view(vec![action], false, at("2026-12-02T10:00"));
        let saturday = &view.days[5];
        assert_eq!(saturday.date, "2026-12-05");
        assert_eq!(saturday.items.len(), 1);
        assert!(view.days[2].today);
        assert_eq!(view.days.iter().map(|d| d.items.len()).sum::<usize>(), 1);
    }
}
