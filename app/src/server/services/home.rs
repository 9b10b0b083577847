//! The member's home: my next actions, actions near me that suit my availabilities, what is new
//! in my section, my latest notifications, and for a newcomer one first step.

use crate::error::AppError;
use crate::model::home::{FirstStep, HomeView};
use crate::server::context::AppState;
use crate::server::now_ms;
use crate::server::policy::actions as rules;
use crate::server::policy::Subject;
use crate::server::services::action_summary::{facts, summary};
use crate::server::services::{feed, notifications, suggestions};
use crate::server::store::bundle::{Bundle, Count};
use crate::server::store::{self, actions::ActionRow, posts::FeedFilter, posts::FeedRow};

const NEXT_ACTIONS: i64 = 3;
const SECTION_NEWS: i64 = 3;
const NOTIFICATIONS: i64 = 3;

/// The home page: the session, then everything in one statement.
pub async fn home(state: &AppState, subject: &Subject) -> Result<HomeView, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let now = now_ms();
    let mut bundle = Bundle::new();
    let next = bundle.add(store::actions::of_person_part(me, now, false, NEXT_ACTIONS));
    let near = suggestions::part(subject).map(|p| bundle.add(p));
    let news = subject
        .belonging
        .section_id
        .map(|section| bundle.add(store::posts::feed_part(me, &FeedFilter::Section(section.get()), None, SECTION_NEWS)));
    let notifications = bundle.add(store::notifications::for_user_part(me, None, NOTIFICATIONS));
    // For the first step only: one past action, and whether they gave availabilities.
    let past = bundle.add(store::actions::of_person_part(me, now, true, 1));
    let availabilities = bundle.add(store::profiles::availability_count(me));
    let lists = bundle.run(&state.db).await?;
    let next: Vec<_> =
        lists.take::<ActionRow>(next)?.iter().filter(|r| rules::can_see(subject, &facts(r))).map(|r| summary(subject, r, None)).collect();
    let near = lists.take_if(near)?.map(|rows| suggestions::from_rows(subject, &rows)).unwrap_or_default();
    let section_news = lists
        .take_if::<FeedRow>(news)?
        .map(|rows| rows.into_iter().map(|r| feed::to_view(subject, r.post, &r.reactions)).collect())
        .unwrap_or_default();
    let notifications = notifications::views(lists.take(notifications)?).into_iter().filter(|n| n.unread).collect();
    let first_step = if subject.belonging.federation_code.is_none() {
        Some(FirstStep::FindSection)
    } else if next.is_empty() && lists.take::<ActionRow>(past)?.is_empty() {
        // Never answered an action: the one step that matters is the first one.
        Some(if !near.is_empty() {
            FirstStep::JoinAnAction
        } else if lists.take::<Count>(availabilities)?.first().is_none_or(|c| c.n == 0) {
            FirstStep::SetAvailabilities
        } else {
            FirstStep::BrowseActions
        })
    } else {
        None
    };
    Ok(HomeView { next, near, section_news, notifications, first_step })
}
