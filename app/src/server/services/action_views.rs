//! Read models of the field actions: the list near me (/actions), one action (/actions/{id})
//! and the creation / edit form.

use crate::error::AppError;
use crate::model::action::{
    distance_m, in_french_territory, ActionFilters, ActionFormView, ActionStatus, ActionSummary, ActionView, ActionsLayout, ActionsPage,
    DecidedFrom, Decision, DecisionSource, MapConfig, MyActionsPage, ParticipantView, PastAction, ReportFigures, ReportRevision,
    RsvpStatus,
};
use crate::model::feed::Author;
use crate::model::ids::{ActionId, SectionId, UserId};
use crate::model::paris_time::{paris_datetime_input, parse_paris_day};
use crate::server::context::AppState;
use crate::server::now_ms;
use crate::server::policy::actions as rules;
use crate::server::policy::Subject;
use crate::server::services::action_calendar::Period;
use crate::server::services::action_summary::{bounding_box, facts, summary};
use crate::server::services::actions::{self, scopes};
use crate::server::services::{reports, suggestions};
use crate::server::store::bundle::{Bundle, Count};
use crate::server::store::reports::{PhotoRow, ReportRow, RevisionRow};
use crate::server::store::rsvps::ParticipantRow;
use crate::server::store::{self, actions::ActionRow, actions::OrganizerRow, actions::UpcomingQuery};

const PAGE: i64 = 40;
/// The map shows more at once than a page of the list (markers are small).
const MAP_PAGE: i64 = 200;
/// A month of actions, at most (the view says when there are more).
const CALENDAR_LIMIT: i64 = 300;
const DEFAULT_RADIUS_KM: i64 = 30;
/// "Mes actions" lists every upcoming one (a person rarely has more).
const MY_UPCOMING: i64 = 100;
const DAY_MS: i64 = 86_400_000;
/// The origin's name when it is the browser's position (the page says it in the reader's language).
const MY_POSITION: &str = "";

/// The map's tile server, as configured.
pub fn map_config(state: &AppState) -> MapConfig {
    let m = &state.settings.map;
    MapConfig { tiles: m.tiles.clone(), attribution: m.attribution.clone(), attribution_url: m.attribution_url.clone() }
}

/// The reference point of the list: a postal code typed, a position the browser gave, or the
/// reader's commune.
async fn origin(state: &AppState, subject: &Subject, f: &ActionFilters) -> Result<Option<(f64, f64, String)>, AppError> {
    // What the reader typed wins over a position kept from an earlier search.
    let near = f.near.trim().replace(' ', "");
    if !near.is_empty() {
        let communes = store::territory::communes_by_postal_code(&state.db, &near).await?;
        let found = match communes.into_iter().find(|c| c.lat.is_some()) {
            Some(c) => Some(c),
            None => store::territory::commune(&state.db, &near.to_ascii_uppercase()).await?,
        };
        return Ok(found.and_then(|c| Some((c.lat?, c.lng?, c.name))));
    }
    if let (Some(lat), Some(lng)) = (f.lat, f.lng) {
        if in_french_territory(lat, lng) {
            return Ok(Some((lat, lng, MY_POSITION.into())));
        }
    }
    // Their commune, read with the session.
    Ok(subject.belonging.home.map(|(lat, lng)| (lat, lng, subject.belonging.home_name.clone().unwrap_or_default())))
}

fn parse_cursor(raw: &str) -> Option<(i64, i64)> {
    let (start, id) = raw.rsplit_once('_')?;
    Some((start.parse().ok()?, id.parse().ok()?))
}

/// Upcoming actions this reader may see, soonest first, within the radius of the reference
/// point: a page of the list, the map's markers, or a month or week of the calendar.
pub async fn list(state: &AppState, subject: &Subject, filters: ActionFilters) -> Result<ActionsPage, AppError> {
    let now = now_ms();
    let layout = filters.layout.unwrap_or(ActionsLayout::List);
    let origin = origin(state, subject, &filters).await?;
    let radius_km = filters.radius_km.unwrap_or(DEFAULT_RADIUS_KM).clamp(1, 1000);
    let period = matches!(layout, ActionsLayout::Month | ActionsLayout::Week).then(|| Period::new(layout, &filters.period, now));
    let mut query = UpcomingQuery {
        viewer: subject.id().unwrap_or(UserId::NONE).get(),
        now_ms: now,
        from_ms: parse_paris_day(&filters.from).unwrap_or(i64::MIN),
        to_ms: parse_paris_day(&filters.to).map(|d| d + DAY_MS).unwrap_or(i64::MAX),
        bbox: origin.as_ref().map(|(lat, lng, _)| bounding_box(*lat, *lng, radius_km)),
        kind: filters.kind.map(|k| k.as_str().to_string()),
        section_id: None,
        federation_code: None,
        after: parse_cursor(&filters.after),
        limit: if layout == ActionsLayout::Map { MAP_PAGE } else { PAGE },
    };
    if let Some(p) = &period {
        // A calendar shows its whole period, past days included, in one page.
        (query.now_ms, query.from_ms, query.to_ms, query.after, query.limit) =
            (p.start_ms(), p.start_ms(), p.end_ms(), None, CALENDAR_LIMIT);
    }
    // The list, the suggestions, whether they may create one and their calendar: one statement.
    let first_list_page = layout == ActionsLayout::List && filters.after.is_empty();
    let mut bundle = Bundle::new();
    let rows = bundle.add(store::actions::upcoming_part(&query));
    let suggested = if first_list_page { suggestions::part(subject).map(|p| bundle.add(p)) } else { None };
    let sections = actions::candidate_sections(subject).map(|p| bundle.add(p));
    let calendar_slot = subject.id().map(|me| bundle.add(store::actions::calendar_tokens(me)));
    let lists = bundle.run(&state.db).await?;
    let rows: Vec<ActionRow> = lists.take(rows)?;
    let full = rows.len() as i64 == query.limit;
    let items: Vec<ActionSummary> = rows
        .iter()
        .filter(|row| rules::can_see(subject, &facts(row)))
        .filter_map(|row| {
            let distance = origin.as_ref().map(|(lat, lng, _)| distance_m(*lat, *lng, row.lat, row.lng));
            match distance {
                Some(d) if d > radius_km * 1000 => None,
                _ => Some(summary(subject, row, distance)),
            }
        })
        .collect();
    let (items, calendar, next) = match &period {
        Some(p) => (Vec::new(), Some(p.view(items, full, now)), None),
        None => (items, None, full.then(|| rows.last().map(|r| format!("{}_{}", r.starts_at, r.id))).flatten()),
    };
    let suggestions = lists.take_if(suggested)?.map(|rows| suggestions::from_rows(subject, &rows)).unwrap_or_default();
    let may_create = actions::may_create(subject, lists.take_if(sections)?.unwrap_or_default());
    let has_calendar = lists.take_if::<Count>(calendar_slot)?.is_some_and(|rows| rows.first().is_some_and(|c| c.n > 0));
    Ok(ActionsPage {
        has_calendar,
        items,
        filters: ActionFilters { radius_km: Some(radius_km), ..filters },
        at_my_position: origin.as_ref().is_some_and(|(_, _, name)| name == MY_POSITION),
        origin: origin.map(|(_, _, name)| name),
        next,
        may_create,
        signed_in: subject.is_active(),
        layout,
        map: (layout == ActionsLayout::Map).then(|| map_config(state)),
        calendar,
        suggestions,
    })
}

/// The upcoming actions of one section or federation (their pages show them).
pub async fn of_scope(
    state: &AppState,
    subject: &Subject,
    section_id: Option<i64>,
    federation_code: Option<String>,
) -> Result<Vec<ActionSummary>, AppError> {
    let rows = of_scope_part(subject, section_id, federation_code).fetch_all(&state.db).await?;
    Ok(scope_summaries(subject, &rows))
}

/// The rows of `of_scope`, as a part of a page's bundle (`store::bundle`).
pub fn of_scope_part(subject: &Subject, section_id: Option<i64>, federation_code: Option<String>) -> store::bundle::Part {
    store::actions::upcoming_part(&UpcomingQuery {
        viewer: subject.id().unwrap_or(UserId::NONE).get(),
        now_ms: now_ms(),
        from_ms: i64::MIN,
        to_ms: i64::MAX,
        bbox: None,
        kind: None,
        section_id: section_id.map(SectionId),
        federation_code,
        after: None,
        limit: 10,
    })
}

/// Those of a scope's upcoming actions this reader may see.
pub fn scope_summaries(subject: &Subject, rows: &[ActionRow]) -> Vec<ActionSummary> {
    rows.iter().filter(|row| rules::can_see(subject, &facts(row))).map(|row| summary(subject, row, None)).collect()
}

/// "Mes actions": every upcoming action this person answered (yes, maybe, waiting) or
/// organizes, and their past ones a page at a time, with "compte-rendu à rédiger" where they
/// organize and none was written. Actions they may no longer see are left out.
pub async fn mine(state: &AppState, subject: &Subject, older: &str) -> Result<MyActionsPage, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let now = now_ms();
    let after = parse_cursor(older);
    let upcoming = match after {
        None => store::actions::of_person(&state.db, me, now, false, None, MY_UPCOMING).await?,
        Some(_) => Vec::new(),
    };
    let past = store::actions::of_person(&state.db, me, now, true, after, PAGE).await?;
    let older = (past.len() as i64 == PAGE).then(|| past.last().map(|r| format!("{}_{}", r.action.starts_at, r.action.id))).flatten();
    let visible = |row: &&store::actions::MyActionRow| rules::can_see(subject, &facts(&row.action));
    Ok(MyActionsPage {
        upcoming: upcoming.iter().filter(visible).map(|r| summary(subject, &r.action, None)).collect(),
        past: past
            .iter()
            .filter(visible)
            .map(|r| {
                let facts = facts(&r.action);
                let mine = r.action.my_status;
                PastAction {
                    summary: summary(subject, &r.action, None),
                    report_due: !r.has_report && rules::can_manage(subject, &facts) && rules::can_report(subject, &facts, mine),
                }
            })
            .collect(),
        older,
    })
}

fn author(o: OrganizerRow) -> Author {
    Author { handle: o.handle, display_name: o.display_name }
}

fn first_name(display_name: &str) -> String {
    display_name.split_whitespace().next().unwrap_or(display_name).to_string()
}

/// One action, as this reader may see it: 404 for whoever may not.
pub async fn view(state: &AppState, subject: &Subject, id: ActionId) -> Result<ActionView, AppError> {
    let me = subject.id().unwrap_or(UserId::NONE);
    let row = store::actions::by_id(&state.db, me, id).await?.ok_or(AppError::NotFound)?;
    let facts = facts(&row);
    if !rules::can_see(subject, &facts) {
        return Err(AppError::NotFound);
    }
    let now = now_ms();
    let mine = row.my_status;
    let manage = rules::can_manage(subject, &facts);
    let is_past = row.starts_at <= now;
    let see_participants = rules::can_see_participants(subject, &facts, mine);
    // Its lists in one statement, each only for those who may see it.
    let mut bundle = Bundle::new();
    let organizers = bundle.add(store::actions::organizers(id));
    let participants = see_participants.then(|| bundle.add(store::rsvps::participants(id)));
    let report = is_past.then(|| bundle.add(store::reports::of_action_part(id)));
    let contacts = (is_past && manage).then(|| bundle.add(store::reports::contacts(id, now)));
    let revisions = (is_past && manage).then(|| bundle.add(store::reports::revisions_part(id)));
    let photos = (is_past && rules::can_see_report_photos(subject, &facts, mine)).then(|| bundle.add(store::reports::photos_part(id)));
    let decision = bundle.add(store::actions::decision_part(id));
    let documents = bundle.add(store::documents::of_action_part(id));
    let lists = bundle.run(&state.db).await?;
    let documents = crate::server::services::documents::of_action(subject, lists.take(documents)?);
    let decided_by = lists.take::<store::actions::DecisionRow>(decision)?.into_iter().next().map(|d| Decision {
        source: if d.by_debate != 0 { DecisionSource::Debate } else { DecisionSource::Vote },
        id: d.id,
        title: d.title,
        decided_at_ms: d.decided_at,
    });
    // Invitations not answered yet are shown to the people who manage the action only.
    let (organizers, pending_organizers): (Vec<OrganizerRow>, Vec<_>) =
        lists.take(organizers)?.into_iter().filter(|o: &OrganizerRow| o.accepted || manage).partition(|o| o.accepted);
    // Political participation is sensitive (GDPR art. 9): organizers see who comes with what each
    // agreed to share; other participants see a count and the first names of those who allowed
    // it, with no link to a profile; everyone else sees counts only.
    let (participants, participants_total) = match lists.take_if::<ParticipantRow>(participants)? {
        Some(rows) => {
            let total = rows.len() as i64;
            let shown = rows
                .into_iter()
                .filter(|p| manage || p.show_first_name)
                .filter_map(|p| {
                    Some(ParticipantView {
                        name: if manage { p.display_name.clone() } else { first_name(&p.display_name) },
                        handle: manage.then_some(p.handle),
                        status: RsvpStatus::parse(&p.status)?,
                        email: (manage && p.share_contact).then_some(p.email),
                        unverified: manage && !p.email_verified,
                    })
                })
                .collect();
            (shown, total)
        }
        None => (Vec::new(), 0),
    };
    let report: Option<ReportRow> = lists.take_if(report)?.and_then(|rows| rows.into_iter().next());
    let contacts = lists.take_if(contacts)?.map(reports::contact_views).unwrap_or_default();
    let revisions: Vec<RevisionRow> = lists.take_if(revisions)?.unwrap_or_default();
    let photos: Vec<PhotoRow> = lists.take_if(photos)?.unwrap_or_default();
    let report_history = if report.as_ref().is_some_and(|r| r.revisions > 1) {
        revisions
            .into_iter()
            .map(|v| ReportRevision {
                author: v.author_name,
                at_ms: v.created_at,
                present: v.present,
                tracts: v.tracts,
                doors_knocked: v.doors_knocked,
                conversations: v.conversations,
                calls: v.calls,
            })
            .collect()
    } else {
        Vec::new()
    };
    let may_rewrite = report.as_ref().is_none_or(|r| rules::can_rewrite_report(subject, &facts, r.author_id));
    Ok(ActionView {
        summary: summary(subject, &row, None),
        description: row.description.clone(),
        address: row.address.clone(),
        material: row.material.clone(),
        audience: facts.audience,
        organizers: organizers.into_iter().map(author).collect(),
        waiting: row.waiting,
        maybe: row.maybe,
        participants,
        participants_total,
        my_share_contact: row.my_share_contact.unwrap_or(false),
        my_show_first_name: row.my_show_first_name.unwrap_or(false),
        organizer_invitation: row.my_organizer_invitation && row.status != ActionStatus::Cancelled,
        pending_organizers: pending_organizers.into_iter().map(author).collect(),
        report_history,
        cancel_reason: row.cancel_reason.clone(),
        may_rsvp: rules::can_rsvp(subject, &facts, is_past),
        may_manage: manage && row.status != ActionStatus::Cancelled,
        may_approve: rules::can_approve(subject, &facts),
        may_report: is_past && rules::can_report(subject, &facts, mine) && may_rewrite,
        report: report.map(|r| ReportFigures {
            present: r.present,
            tracts: r.tracts,
            doors_knocked: r.doors_knocked,
            doors_opened: r.doors_opened,
            conversations: r.conversations,
            calls: r.calls,
            contacts: r.contacts,
            // Free text may hold personal data despite the warning: organizers only.
            notes: if manage { r.notes } else { String::new() },
            photos: photos.into_iter().map(PhotoRow::into_picture).collect(),
        }),
        contacts,
        is_past,
        signed_in: subject.is_active(),
        decided_by,
        documents,
    })
}

/// The creation form (no id) or the edit form of an action this person manages.
/// `decided_by`: a counted vote (and one of its options, from 1) or a closed debate (and one of
/// its propositions) the new action carries out — its title comes pre-filled from the choice.
pub async fn form_view(
    state: &AppState,
    subject: &Subject,
    id: Option<i64>,
    decided_by: Option<DecidedFrom>,
) -> Result<ActionFormView, AppError> {
    let me = subject.id().ok_or(AppError::NotAuthenticated)?;
    let options = scopes(state, subject).await?;
    let Some(id) = id else {
        if options.is_empty() {
            return Err(AppError::Forbidden);
        }
        let commune = subject.belonging.home_name.clone().unwrap_or_default();
        let propose_only = options.iter().all(|o| o.propose_only);
        let mut values = vec![("commune".into(), commune), ("audience".into(), "public".into()), ("kind".into(), "tractage".into())];
        let decision = match decided_by {
            Some(DecidedFrom::Vote(vote, option)) => {
                let (decision, title) = crate::server::services::votes::decision(state, subject, vote, option).await?;
                values.push(("title".into(), title));
                values.push(("vote".into(), vote.to_string()));
                Some(decision)
            }
            Some(DecidedFrom::Debate(debate, proposal)) => {
                let (decision, title) = crate::server::services::debates::decision(state, subject, debate, proposal).await?;
                values.push(("title".into(), title));
                values.push(("debat".into(), debate.to_string()));
                Some(decision)
            }
            None => None,
        };
        return Ok(ActionFormView {
            scopes: options.into_iter().map(|o| (o.value, o.scope)).collect(),
            propose_only,
            values,
            title: String::new(),
            map: map_config(state),
            decision,
        });
    };
    let row = store::actions::by_id(&state.db, me, ActionId(id)).await?.ok_or(AppError::NotFound)?;
    let facts = facts(&row);
    if !rules::can_see(subject, &facts) {
        return Err(AppError::NotFound);
    }
    if !rules::can_manage(subject, &facts) {
        return Err(AppError::Forbidden);
    }
    let values = vec![
        ("kind".to_string(), row.kind.to_string()),
        ("title".into(), row.title.clone()),
        ("description".into(), row.description.clone()),
        ("starts_at".into(), paris_datetime_input(row.starts_at)),
        ("ends_at".into(), paris_datetime_input(row.ends_at)),
        ("place_name".into(), row.place_name.clone()),
        ("address".into(), row.address.clone()),
        ("lat".into(), format!("{:.5}", row.lat)),
        ("lng".into(), format!("{:.5}", row.lng)),
        ("capacity".into(), row.capacity.map(|c| c.to_string()).unwrap_or_default()),
        ("material".into(), row.material.clone()),
        ("audience".into(), row.audience.to_string()),
        ("reinforcements".into(), row.reinforcements.to_string()),
    ];
    Ok(ActionFormView { scopes: Vec::new(), propose_only: false, values, title: row.title, map: map_config(state), decision: None })
}
