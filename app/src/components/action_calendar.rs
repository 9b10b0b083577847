//! The month and week views of /actions: days as a grid of weeks on wide screens, as a list of
//! the days that have actions on a phone (CSS), with links to the previous and next period.

use leptos::prelude::*;

use crate::components::lang::{use_lang, use_texts};
use crate::i18n::{format_date, format_day, format_month, format_time};
use crate::model::action::{ActionFilters, ActionsLayout, CalendarDay, CalendarView};

#[component]
pub fn ActionsCalendar(calendar: CalendarView, filters: ActionFilters) -> impl IntoView {
    let lang = use_lang();
    let t = use_texts().actions;
    let c = calendar;
    let month = c.layout == ActionsLayout::Month;
    let title = if month { format_month(lang, c.year, c.month, false) } else { (t.week_of)(&format_date(lang, c.first_day_ms)) };
    let (previous, next) = if month { (t.previous_month, t.next_month) } else { (t.previous_week, t.next_week) };
    let empty_week = !month && c.days.iter().all(|d| d.items.is_empty());
    view! {
        <section class="card calendar-view" aria-labelledby="calendrier-titre">
            <div class="calendar-head">
                <a class="button subtle" rel="prev" href=filters.href(c.layout, &c.previous)>{"‹ "}{previous}</a>
                <h2 id="calendrier-titre">{title}</h2>
                <a class="button subtle" rel="next" href=filters.href(c.layout, &c.next)>{next}{" ›"}</a>
            </div>
            {c.truncated.then(|| view! { <p class="alert alert-warning">{t.calendar_truncated}</p> })}
            {(month && c.days.iter().all(|d| d.items.is_empty())).then(|| view! { <p class="empty-state">{t.none_found}</p> })}
            <ol class="calendar" class:month=month class:week=!month>
                {month.then(|| t.weekdays.iter().map(|w| view! { <li class="weekday" aria-hidden="true">{*w}</li> }).collect_view())}
                {c.days.into_iter().map(|day| view! { <Day day month /> }).collect_view()}
            </ol>
            {empty_week.then(|| view! { <p class="empty-state">{t.none_found}</p> })}
        </section>
    }
}

#[component]
fn Day(day: CalendarDay, month: bool) -> impl IntoView {
    let lang = use_lang();
    let t = use_texts().actions;
    let empty = day.items.is_empty();
    view! {
        <li class="day" class:outside=!day.in_period class:today=day.today class:empty=empty data-date=day.date.clone()>
            <p class="day-label">
                <span class="day-number" aria-hidden="true">{day.day_of_month}</span>
                <span class="day-name">{format_day(lang, day.start_ms)}{day.today.then(|| format!(" ({})", t.today))}</span>
            </p>
            {if empty {
                (!month).then(|| view! { <p class="hint">{t.nothing_planned}</p> }).into_any()
            } else {
                view! {
                    <ul class="day-actions">
                        {day.items.into_iter().map(|a| view! {
                            <li class:cancelled=a.status == crate::model::action::ActionStatus::Cancelled class:highlighted=a.highlighted>
                                <a href=format!("/actions/{}", a.id)>
                                    <span class="time">{format_time(lang, a.starts_at_ms)}</span>
                                    " "
                                    {super::actions::kind_beside((t.kind)(a.kind), &a.title).map(|kind| view! { <span class="kind">{kind}</span>" · " })}
                                    {a.title}
                                </a>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </li>
    }
}
