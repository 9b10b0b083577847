//! The demo's field actions: past ones with comptes-rendus and consented contacts, upcoming ones
//! with answers (waiting lists above capacity), renforts and a few cancellations.

use app::server::Db;

use super::bulk::{opt_int, text, Loader, Rng};
use super::feed::{coprime_stride, split};
use super::network::{of_town, with_town, Progress, Section, World, DAY, HOUR};
use super::texts::*;
use super::{SeedReport, Sizes};

pub(super) async fn load_actions(
    db: &Db,
    world: &World,
    sizes: &Sizes,
    rng: &mut Rng,
    report: &mut SeedReport,
    progress: Progress<'_>,
) -> Result<(), sqlx::Error> {
    let mut actions = Loader::new(
        db,
        "actions (id, kind, title, description, starts_at, ends_at, place_name, address, lat, lng, capacity, material, \
         audience, section_id, federation_code, status, reinforcements, created_by, created_at, updated_at)",
        false,
    );
    let mut organizers = Loader::new(db, "action_organizers (action_id, user_id, accepted_at)", false);
    let mut rsvps = Loader::new(db, "action_rsvps (action_id, user_id, status, share_contact, queued_at, updated_at)", false);
    let mut reports = Loader::new(
        db,
        "action_reports (action_id, author_id, present, tracts, doors_knocked, doors_opened, conversations, calls, notes, \
         created_at, updated_at)",
        false,
    );
    let mut contacts = Loader::new(
        db,
        "action_contacts (action_id, name, phone, email, wants_callback, wants_news, wants_volunteer, consent_at, expires_at, \
         recorded_by)",
        false,
    );
    let today = world.now - world.now % DAY;
    let n = sizes.actions;
    let mut pair = 0;
    let sections: Vec<&Section> = world.sections.iter().filter(|s| !s.team.is_empty()).collect();
    for i in 0..n {
        let id = i as i64 + 1;
        let section = sections[i % sections.len()];
        let commune = &world.communes[section.commune];
        let secretary = section.team[0];
        let (kind, title, place) = *rng.pick(ACTIONS);
        let past = i % 5 < 3;
        let day = if past { today - rng.between(1, 180) * DAY } else { today + rng.between(1, 56) * DAY };
        // 9 h to 19 h, Paris (UTC+1 in winter: close enough for a demo).
        let starts = day + rng.between(8, 18) * HOUR;
        let ends = starts + rng.between(1, 3) * HOUR;
        let capacity = (!past && rng.chance(25)).then(|| rng.between(6, 15));
        let audience = match rng.below(10) {
            0..7 => "public",
            7..9 => "section",
            _ => "adherents",
        };
        let status = if !past && rng.chance(3) { "cancelled" } else { "published" };
        let reinforcements = if !past && status == "published" && rng.chance(10) { rng.between(2, 6) } else { 0 };
        let host = world.people[*rng.pick(&section.members)].first_name;
        let fill = |s: &str| with_town(s, &commune.name).replace("{prenom}", host);
        let lat = commune.lat + (rng.below(2000) as f64 - 1000.0) / 100_000.0;
        let lng = commune.lng + (rng.below(2000) as f64 - 1000.0) / 100_000.0;
        let created = starts - rng.between(3, 20) * DAY;
        actions.push(format!(
            "{id}, '{kind}', {}, {}, {starts}, {ends}, {}, '', {lat:.5}, {lng:.5}, {}, {}, '{audience}', {}, {}, '{status}', \
                 {reinforcements}, {}, {created}, {created}",
            text(&fill(title)),
            text(&format!("Rendez-vous avec la section {}. Viens comme tu es, on t'explique tout sur place !", of_town(&commune.name))),
            text(&fill(place)),
            opt_int(capacity),
            text(rng.word(MATERIAL)),
            section.id,
            text(&commune.federation),
            world.people[secretary].id
        ));
        for &o in section.team.iter().take(if rng.chance(50) { 2 } else { 1 }) {
            organizers.push(format!("{id}, {}, {created}", world.people[o].id));
        }
        // Answers from distinct members of the section.
        let members = &section.members;
        let wanted = split(rng, sizes.rsvps, n, i, &mut pair).min(members.len());
        let (start, stride) = (rng.below(members.len()), coprime_stride(members.len(), rng));
        let mut going = 0;
        for k in 0..wanted {
            let who = members[(start + k * stride) % members.len()];
            let answer = match (past, rng.below(10)) {
                (true, 0..8) | (false, 0..7) => "going",
                (false, 7..9) => "maybe",
                _ => "declined",
            };
            let answer = match (answer, capacity) {
                ("going", Some(c)) if going >= c => "waiting",
                (a, _) => a,
            };
            if answer == "going" {
                going += 1;
            }
            let at = created + (k as i64 + 1) * HOUR;
            rsvps.push(format!(
                "{id}, {}, '{answer}', {}, {at}, {at}",
                world.people[who].id,
                if rng.chance(50) { "TRUE" } else { "FALSE" }
            ));
        }
        if past && rng.chance(90) {
            let (tracts, knocked, calls) = match kind {
                "tractage" | "boitage" => (rng.between(150, 800), 0, 0),
                "porte_a_porte" => (rng.between(0, 100), rng.between(40, 150), 0),
                "phoning" => (0, 0, rng.between(40, 200)),
                _ => (rng.between(0, 50), 0, 0),
            };
            let opened = knocked * rng.between(30, 60) / 100;
            let at = ends + HOUR;
            reports.push(format!(
                "{id}, {}, {}, {tracts}, {knocked}, {opened}, {}, {calls}, '', {at}, {at}",
                world.people[secretary].id,
                going.max(1),
                rng.between(3, 40)
            ));
            for c in 0..if rng.chance(30) { rng.between(1, 2) } else { 0 } {
                let name = format!("{} {}.", rng.word(FIRST_NAMES), rng.word(SURNAMES).chars().next().unwrap_or('X'));
                contacts.push(format!(
                    "{id}, {}, {}, {}, {}, {}, {}, {at}, {}, {}",
                    text(&name),
                    text(&format!("06 39 98 {:02} {:02}", rng.below(100), rng.below(100))),
                    text(&format!("contact{}-{c}@example.fr", id)),
                    if rng.chance(50) { "TRUE" } else { "FALSE" },
                    if rng.chance(70) { "TRUE" } else { "FALSE" },
                    if rng.chance(30) { "TRUE" } else { "FALSE" },
                    at + 365 * DAY,
                    world.people[secretary].id
                ));
            }
        }
        crate::flush_when_full!(actions, organizers, rsvps, reports, contacts);
    }
    for loader in [&mut actions, &mut organizers, &mut rsvps, &mut reports, &mut contacts] {
        loader.flush().await?;
    }
    progress("actions", n as u64, n as u64);
    report.rows.extend([
        ("actions", actions.written),
        ("action_rsvps", rsvps.written),
        ("action_reports", reports.written),
        ("action_contacts", contacts.written),
    ]);
    Ok(())
}
