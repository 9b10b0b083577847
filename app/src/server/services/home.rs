//! The member's home: my next actions, actions near me that suit my availabilities, what is new
//! in my section, my latest notifications, and for a newcomer one first step.

use crate::error::AppError;
use crate::model::home::{FirstStep, HomeView};
use crate::server::context::AppState;
use crate::server::now_ms;
use crate::server::policy::actions as rules;
use crate::server::policy::Subject;
use crate::server::services::action_views::summary;
use crate::server::services::actions::facts;
use crate::server::services::{feed, notifications, suggestions};
use crate::server::store::{self, posts::FeedFilter};

const NEXT_ACTIONS: i64 = 3;
const SECTION_NEWS: i64 = 3;
const NOTIFICATIONS: i64 = 3;

pub async fn home(state: &AppState, subject: &Subject) -> Result<HomeView, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let now = now_ms();
    let next: Vec<_> = store::actions::of_person(&state.db, me, now, false, None, NEXT_ACTIONS)
        .await?
        .iter()
        .filter(|r| rules::can_see(subject, &facts(&r.action)))
        .map(|r| summary(subject, &r.action, None))
        .collect();
    let near = suggestions::for_person(state, subject).await?;
    let section_news = match subject.belonging.section_id {
        Some(section) => store::posts::feed(&state.db, me, &FeedFilter::Section(section), None, SECTION_NEWS)
            .await?
            .into_iter()
            .map(|r| feed::to_view(subject, r.post, &r.reactions))
            .collect(),
        None => Vec::new(),
    };
    let notifications = notifications::latest(state, me, NOTIFICATIONS).await?.into_iter().filter(|n| n.unread).collect();
    let first_step = if subject.belonging.federation_code.is_none() {
        Some(FirstStep::FindSection)
    } else if next.is_empty() && store::actions::of_person(&state.db, me, now, true, None, 1).await?.is_empty() {
        // Never answered an action: the one step that matters is the first one.
        Some(if !near.is_empty() {
            FirstStep::JoinAnAction
        } else if store::profiles::availabilities(&state.db, me).await?.is_empty() {
            FirstStep::SetAvailabilities
        } else {
            FirstStep::BrowseActions
        })
    } else {
        None
    };
    Ok(HomeView { next, near, section_news, notifications, first_step })
}
