//! The demo network, generated and loaded phase by phase: territory, people and profiles,
//! sections and roles, coopains and groups here; publications in `feed`, actions in `actions`.

use std::collections::{HashMap, HashSet};

use app::model::account::Handle;
use app::on_pool;
use app::server::auth::password;
use app::server::{now_ms, Db};

use super::bulk::{execute_alone, opt_int, text, Loader, Rng};
use super::texts::*;
use super::{SeedError, SeedReport, Sizes, DEMO_PASSWORD};

pub(super) const DAY: i64 = 86_400_000;
pub(super) const HOUR: i64 = 3_600_000;

pub(super) struct Commune {
    pub(super) insee: String,
    pub(super) name: String,
    pub(super) federation: String,
    pub(super) lat: f64,
    pub(super) lng: f64,
    pub(super) postal: String,
}

pub(super) struct Person {
    pub(super) id: i64,
    pub(super) handle: String,
    pub(super) display_name: String,
    pub(super) first_name: &'static str,
    pub(super) commune: usize,
    pub(super) section: Option<usize>,
    pub(super) adherent: bool,
    pub(super) confirmed: bool,
    pub(super) groups: Vec<usize>,
}

pub(super) struct Section {
    pub(super) id: i64,
    pub(super) commune: usize,
    pub(super) members: Vec<usize>,
    /// Secretary, then animators (indexes into people).
    pub(super) team: Vec<usize>,
}

pub(super) struct Group {
    pub(super) id: i64,
    pub(super) members: Vec<usize>,
}

pub(super) struct World {
    pub(super) communes: Vec<Commune>,
    pub(super) people: Vec<Person>,
    pub(super) sections: Vec<Section>,
    pub(super) groups: Vec<Group>,
    /// Coopains of each person (indexes).
    pub(super) coopains: Vec<Vec<usize>>,
    pub(super) now: i64,
}

impl World {
    pub(super) fn federation_of(&self, person: usize) -> &str {
        &self.communes[self.people[person].commune].federation
    }

    pub(super) fn town_of(&self, person: usize) -> &str {
        &self.communes[self.people[person].commune].name
    }
}

pub(super) type Progress<'a> = &'a (dyn Fn(&str, u64, u64) + Sync);

pub async fn seed_network(db: &Db, sizes: Sizes, seed: u64, progress: Progress<'_>) -> Result<SeedReport, SeedError> {
    let accounts: i64 = on_pool!(db.read(), p => sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(p).await)?;
    if accounts > 0 {
        return Err(SeedError::NotEmpty(accounts));
    }
    let mut rng = Rng::new(seed);
    let (communes, sections) = choose_communes(db, &sizes).await?;
    if sections == 0 {
        return Err(SeedError::NoTerritory);
    }
    let mut report = SeedReport::default();
    let mut world = World { communes, people: Vec::new(), sections: Vec::new(), groups: Vec::new(), coopains: Vec::new(), now: now_ms() };
    make_people(&mut world, sections, &sizes, &mut rng);
    let hash = password::hash(DEMO_PASSWORD.to_string()).await.map_err(|_| SeedError::Password)?;
    load_people(db, &world, &hash, &mut rng, &mut report, progress).await?;
    load_sections(db, &world, &mut report).await?;
    load_coopains(db, &mut world, &mut report).await?;
    load_groups(db, &mut world, &sizes, &mut rng, &mut report).await?;
    super::feed::load_publications(db, &world, &sizes, &mut rng, &mut report, progress).await?;
    super::actions::load_actions(db, &world, &sizes, &mut rng, &mut report, progress).await?;
    super::moderation::load_moderation(db, &mut report).await?;
    super::messages::load_messages(db, &mut report).await?;
    super::messages::load_announcements(db, &mut report).await?;
    super::votes::load_votes(db, world.now, &mut report).await?;
    super::debates::load_debates(db, world.now, &mut report).await?;
    finish(db).await?;
    Ok(report)
}

/// The most populous départements, and in each its most populous communes: the first
/// `sections_per_federation` get a section, the next three hold people without one.
/// Returns the communes, those with a section first, and how many have one.
async fn choose_communes(db: &Db, sizes: &Sizes) -> Result<(Vec<Commune>, usize), sqlx::Error> {
    let federations: Vec<String> = on_pool!(db.read(), p => sqlx::query_scalar(
        "SELECT departement_code FROM communes WHERE population IS NOT NULL \
         GROUP BY departement_code ORDER BY SUM(population) DESC, departement_code LIMIT 200")
        .fetch_all(p)
        .await)?;
    let sql = "SELECT c.insee, c.name, c.departement_code, c.lat, c.lng, \
               (SELECT MIN(pc.postal_code) FROM commune_postal_codes pc WHERE pc.insee = c.insee) \
               FROM communes c WHERE c.departement_code = $1 AND c.lat IS NOT NULL AND c.lng IS NOT NULL \
               AND c.population IS NOT NULL AND EXISTS (SELECT 1 FROM commune_postal_codes pc WHERE pc.insee = c.insee) \
               ORDER BY c.population DESC, c.insee LIMIT $2";
    let mut with_section = Vec::new();
    let mut without = Vec::new();
    for code in federations {
        if with_section.len() >= sizes.sections {
            break;
        }
        let wanted = sizes.sections_per_federation.min(sizes.sections - with_section.len());
        let rows: Vec<(String, String, String, f64, f64, String)> =
            on_pool!(db.read(), p => sqlx::query_as(sql).bind(&code).bind((wanted + 3) as i64).fetch_all(p).await)?;
        // Paris is one commune: one section there, and no newcomers elsewhere.
        let wanted = wanted.min(rows.len());
        for (i, (insee, name, federation, lat, lng, postal)) in rows.into_iter().enumerate() {
            let commune = Commune { insee, name, federation, lat, lng, postal };
            if i < wanted {
                with_section.push(commune);
            } else {
                without.push(commune);
            }
        }
    }
    // Sections first: commune i < sections is section i's.
    let sections = with_section.len();
    with_section.extend(without);
    Ok((with_section, sections))
}

fn make_people(world: &mut World, sections: usize, sizes: &Sizes, rng: &mut Rng) {
    let extra = world.communes.len() - sections;
    for s in 0..sections {
        world.sections.push(Section { id: s as i64 + 1, commune: s, members: Vec::new(), team: Vec::new() });
    }
    let mut handles = HashSet::new();
    // The four documented accounts live in the first section.
    let special: [(&'static str, &str, bool); 4] =
        [("Anne", "Vasseur", true), ("Sophie", "Lemoine", true), ("Karim", "Benali", true), ("Léa", "Fontaine", false)];
    for i in 0..sizes.people {
        let (first, last, adherent, commune, confirmed) = if let Some((f, l, a)) = special.get(i) {
            (*f, l.to_string(), *a, 0, true)
        } else {
            let first = rng.word(FIRST_NAMES);
            let last = rng.word(SURNAMES).to_string();
            let adherent = !rng.chance(40);
            // One in ten lives where no section is yet (the federations' newcomers).
            let commune = if extra > 0 && rng.chance(10) { sections + rng.below(extra) } else { rng.below(sections) };
            (first, last, adherent, commune, !rng.chance(8))
        };
        let base = Handle::suggest_from(&format!("{first} {last}"));
        let mut handle = base.clone();
        let mut n = 2;
        while !handles.insert(handle.as_str().to_string()) {
            handle = base.with_suffix(n);
            n += 1;
        }
        let section = (commune < sections).then_some(commune);
        let index = world.people.len();
        if let Some(s) = section {
            world.sections[s].members.push(index);
        }
        world.people.push(Person {
            id: i as i64 + 1,
            handle: handle.as_str().to_string(),
            display_name: format!("{first} {last}"),
            first_name: first,
            commune,
            section,
            adherent,
            confirmed: adherent && confirmed,
            groups: Vec::new(),
        });
    }
    // Section teams: the secretary and two animators, confirmed adhérents (the documented
    // secretary leads the first section).
    for s in 0..world.sections.len() {
        let team: Vec<usize> =
            world.sections[s].members.iter().copied().filter(|&p| world.people[p].confirmed && p != 0 && p != 2).take(3).collect();
        world.sections[s].team = team;
    }
    world.coopains = vec![Vec::new(); world.people.len()];
}

async fn load_people(
    db: &Db,
    world: &World,
    hash: &str,
    rng: &mut Rng,
    report: &mut SeedReport,
    progress: Progress<'_>,
) -> Result<(), sqlx::Error> {
    let mut users = Loader::new(
        db,
        "users (id, handle, display_name, email, email_normalized, password_hash, postal_code, membership, \
         membership_status, created_at, updated_at, commune_insee, membership_decided_at, is_demo, email_verified_at)",
        true,
    );
    let mut profiles = Loader::new(db, "profiles (user_id, bio, status_line, updated_at)", false);
    let mut items = Loader::new(db, "profile_list_items (user_id, list, position, value)", false);
    let mut availabilities = Loader::new(db, "profile_availabilities (user_id, kind)", false);
    let mut consents = Loader::new(db, "consents (user_id, purpose, text_version, method, granted_at)", false);
    let special_emails = super::DEMO_ACCOUNTS.map(|(e, _)| e);
    let total = world.people.len() as u64;
    for (i, p) in world.people.iter().enumerate() {
        let name = &p.display_name;
        let email = special_emails.get(i).map(|e| e.to_string()).unwrap_or_else(|| format!("{}@demo.coopol.fr", p.handle));
        let created = world.now - rng.between(30, 1000) * DAY;
        let commune = &world.communes[p.commune];
        let (membership, status) = match (p.adherent, p.confirmed) {
            (false, _) => ("sympathisant", "none"),
            (true, true) => ("adherent", "confirmed"),
            (true, false) => ("adherent", "pending"),
        };
        users.push(format!(
            "{}, {}, {}, {}, {}, {}, {}, '{membership}', '{status}', {created}, {created}, {}, {}, TRUE, {created}",
            p.id,
            text(&p.handle),
            text(name),
            text(&email),
            text(&email),
            text(hash),
            text(&commune.postal),
            text(&commune.insee),
            opt_int(p.confirmed.then_some(created + DAY)),
        ));
        let bio = format!("{} {}, militant·e depuis {}.", capitalize(rng.word(TRADES)), in_town(&commune.name), 2026 - rng.between(0, 30));
        let status_line = if rng.chance(30) { "Dispo pour les tractages du samedi".to_string() } else { String::new() };
        profiles.push(format!("{}, {}, {}, {created}", p.id, text(&bio), text(&status_line)));
        for position in 0..rng.between(1, 3) {
            items.push(format!("{}, 'interests', {position}, {}", p.id, text(rng.word(INTERESTS))));
        }
        if p.confirmed && rng.chance(6) {
            items.push(format!("{}, 'mandates', 0, {}", p.id, text(rng.word(MANDATES))));
        }
        if p.confirmed && rng.chance(5) {
            items.push(format!("{}, 'responsibilities', 0, {}", p.id, text(rng.word(RESPONSIBILITIES))));
        }
        let mut kinds = HashSet::new();
        if !rng.chance(30) {
            for _ in 0..rng.between(1, 3) {
                kinds.insert(rng.word(AVAILABILITIES));
            }
        }
        let mut kinds: Vec<&str> = kinds.into_iter().collect();
        kinds.sort_unstable();
        for kind in kinds {
            availabilities.push(format!("{}, {}", p.id, text(kind)));
        }
        consents.push(format!(
            "{}, {}, {}, 'demo_seed', {created}",
            p.id,
            text(app::server::store::consents::PURPOSE_POLITICAL_OPINION),
            text(app::model::consent::CURRENT_VERSION)
        ));
        consents.push(format!(
            "{}, {}, {}, 'demo_seed', {created}",
            p.id,
            text(app::server::store::consents::PURPOSE_CHARTER),
            text(app::model::moderation::CHARTER_VERSION)
        ));
        crate::flush_when_full!(users, profiles, items, availabilities, consents);
        if (i + 1) % 5_000 == 0 {
            progress("personnes", i as u64 + 1, total);
        }
    }
    for loader in [&mut users, &mut profiles, &mut items, &mut availabilities, &mut consents] {
        loader.flush().await?;
    }
    progress("personnes", total, total);
    report.rows.extend([
        ("users", users.written),
        ("profiles", profiles.written),
        ("profile_list_items", items.written),
        ("profile_availabilities", availabilities.written),
        ("consents", consents.written),
    ]);
    Ok(())
}

/// "de Lille", "d'Arles", "du Havre", "des Sables-d'Olonne", "de La Rochelle".
pub fn of_town(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("Le ") {
        format!("du {rest}")
    } else if let Some(rest) = name.strip_prefix("Les ") {
        format!("des {rest}")
    } else if name.starts_with(['A', 'E', 'I', 'O', 'U', 'Y', 'H', 'É', 'È', 'Ê', 'Î', 'Ô']) {
        format!("d'{name}")
    } else {
        format!("de {name}")
    }
}

/// "à Lille", "au Havre", "aux Sables-d'Olonne".
fn in_town(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("Le ") {
        format!("au {rest}")
    } else if let Some(rest) = name.strip_prefix("Les ") {
        format!("aux {rest}")
    } else {
        format!("à {name}")
    }
}

/// Puts a town in a template: "de {ville}" and "à {ville}" take the French contractions.
pub(super) fn with_town(template: &str, town: &str) -> String {
    template.replace("de {ville}", &of_town(town)).replace("à {ville}", &in_town(town)).replace("{ville}", town)
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

async fn load_sections(db: &Db, world: &World, report: &mut SeedReport) -> Result<(), sqlx::Error> {
    let mut sections = Loader::new(db, "sections (id, slug, name, description, federation_code, created_by, created_at, updated_at)", true);
    let mut communes = Loader::new(db, "section_communes (insee, section_id)", false);
    let mut roles = Loader::new(db, "roles (user_id, role, scope_kind, scope_code, granted_by, granted_at)", false);
    let created = world.now - 1200 * DAY;
    let admin = world.people[0].id;
    let mut slugs = HashSet::new();
    let mut first_secretaries: HashMap<&str, usize> = HashMap::new();
    for section in &world.sections {
        let commune = &world.communes[section.commune];
        let base = Handle::suggest_from(&commune.name);
        let mut slug = base.clone();
        let mut n = 2;
        while !slugs.insert(slug.as_str().to_string()) {
            slug = base.with_suffix(n);
            n += 1;
        }
        let description = format!("La section {} : réunions, actions de terrain et débats. Rejoins-nous !", of_town(&commune.name));
        sections.push(format!(
            "{}, {}, {}, {}, {}, {admin}, {created}, {created}",
            section.id,
            text(slug.as_str()),
            text(&format!("Section {}", of_town(&commune.name))),
            text(&description),
            text(&commune.federation),
        ));
        communes.push(format!("{}, {}", text(&commune.insee), section.id));
        for (rank, &person) in section.team.iter().enumerate() {
            let role = if rank == 0 { "section_secretary" } else { "section_animator" };
            roles.push(format!("{}, '{role}', 'section', '{}', {admin}, {created}", world.people[person].id, section.id));
        }
        // The federation's first secretary: a confirmed adhérent of its first section, outside
        // that section's team.
        if !first_secretaries.contains_key(commune.federation.as_str()) {
            if let Some(&p) = section.members.iter().find(|&&p| world.people[p].confirmed && !section.team.contains(&p) && p > 3) {
                first_secretaries.insert(&commune.federation, p);
                roles.push(format!(
                    "{}, 'federation_first_secretary', 'federation', {}, {admin}, {created}",
                    world.people[p].id,
                    text(&commune.federation)
                ));
            }
        }
    }
    roles.push(format!("{admin}, 'national_admin', 'national', '', NULL, {created}"));
    for loader in [&mut sections, &mut communes, &mut roles] {
        loader.flush().await?;
    }
    report.rows.extend([("sections", sections.written), ("roles", roles.written)]);
    Ok(())
}

/// Each person is coopain with their three neighbours on each side in their section's list; a
/// few requests wait for an answer.
async fn load_coopains(db: &Db, world: &mut World, report: &mut SeedReport) -> Result<(), sqlx::Error> {
    let mut pairs = HashSet::new();
    for section in &world.sections {
        let m = &section.members;
        for k in 0..m.len() {
            for d in 1..=3 {
                let (a, b) = (m[k], m[(k + d) % m.len()]);
                if a != b && pairs.insert((a.min(b), a.max(b))) {
                    world.coopains[a].push(b);
                    world.coopains[b].push(a);
                }
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = pairs.into_iter().collect();
    pairs.sort_unstable();
    let mut rows = Loader::new(db, "coopains (user_id, coopain_id, since)", false);
    let since = world.now - 200 * DAY;
    for (a, b) in &pairs {
        let (a, b) = (world.people[*a].id, world.people[*b].id);
        rows.push(format!("{a}, {b}, {since}"));
        rows.push(format!("{b}, {a}, {since}"));
        crate::flush_when_full!(rows);
    }
    rows.flush().await?;
    let mut requests = Loader::new(db, "coopain_requests (requester_id, recipient_id, status, created_at)", false);
    for section in &world.sections {
        let m = &section.members;
        if m.len() < 10 {
            continue;
        }
        for k in (0..m.len()).step_by(25) {
            let (a, b) = (m[k], m[(k + m.len() / 2) % m.len()]);
            if a != b && !world.coopains[a].contains(&b) {
                requests.push(format!("{}, {}, 'pending', {}", world.people[a].id, world.people[b].id, world.now - 2 * DAY));
            }
        }
    }
    requests.flush().await?;
    report.rows.extend([("coopains", rows.written), ("coopain_requests", requests.written)]);
    Ok(())
}

/// Thematic groups in each federation, a third of them private; people join up to two groups
/// of their federation (some wait for a private group's admins).
async fn load_groups(db: &Db, world: &mut World, sizes: &Sizes, rng: &mut Rng, report: &mut SeedReport) -> Result<(), sqlx::Error> {
    let federations: Vec<String> = {
        let mut seen = Vec::new();
        for s in &world.sections {
            let f = world.communes[s.commune].federation.clone();
            if !seen.contains(&f) {
                seen.push(f);
            }
        }
        seen
    };
    let mut groups = Loader::new(db, "groups (id, slug, name, purpose, privacy, created_by, created_at)", false);
    let mut members = Loader::new(db, "group_members (group_id, user_id, role, created_at)", false);
    let mut by_federation: HashMap<String, Vec<usize>> = HashMap::new();
    let mut privacy = Vec::new();
    let mut slugs = HashSet::new();
    let mut adherents_of: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in world.people.iter().enumerate() {
        if p.confirmed {
            adherents_of.entry(world.federation_of(i).to_string()).or_default().push(i);
        }
    }
    for g in 0..sizes.groups {
        let federation = &federations[g % federations.len()];
        let section = world.sections.iter().find(|s| &world.communes[s.commune].federation == federation).map(|s| s.commune);
        let town = section.map(|c| world.communes[c].name.clone()).unwrap_or_default();
        let (theme, purpose) = GROUP_THEMES[(g / federations.len()) % GROUP_THEMES.len()];
        let round = g / (federations.len() * GROUP_THEMES.len());
        let name = if round == 0 { format!("{theme} — {town}") } else { format!("{theme} — {town} ({})", round + 1) };
        let base = Handle::suggest_from(&name);
        let mut slug = base.clone();
        let mut n = 2;
        while !slugs.insert(slug.as_str().to_string()) {
            slug = base.with_suffix(n);
            n += 1;
        }
        let private = g % 3 == 2;
        // The creator: a confirmed adhérent of the federation (only adhérents create groups).
        let creator = adherents_of.get(federation.as_str()).and_then(|a| a.get(g / federations.len())).copied().unwrap_or(0);
        let created = world.now - rng.between(60, 700) * DAY;
        groups.push(format!(
            "{}, {}, {}, {}, '{}', {}, {created}",
            g + 1,
            text(slug.as_str()),
            text(&name),
            text(purpose),
            if private { "private" } else { "public" },
            world.people[creator].id
        ));
        members.push(format!("{}, {}, 'admin', {created}", g + 1, world.people[creator].id));
        by_federation.entry(federation.clone()).or_default().push(g);
        privacy.push(private);
        world.groups.push(Group { id: g as i64 + 1, members: vec![creator] });
        world.people[creator].groups.push(g);
    }
    groups.flush().await?;
    for i in 0..world.people.len() {
        let Some(options) = by_federation.get(world.federation_of(i)) else { continue };
        let mut asked = Vec::new();
        for _ in 0..rng.below(3) {
            let g = *rng.pick(options);
            if world.people[i].groups.contains(&g) || asked.contains(&g) {
                continue;
            }
            asked.push(g);
            let pending = privacy[g] && rng.chance(10);
            let role = if pending { "pending" } else { "member" };
            members.push(format!("{}, {}, '{role}', {}", g + 1, world.people[i].id, world.now - rng.between(1, 300) * DAY));
            if !pending {
                world.groups[g].members.push(i);
                world.people[i].groups.push(g);
            }
        }
        crate::flush_when_full!(members);
    }
    members.flush().await?;
    report.rows.extend([("groups", groups.written), ("group_members", members.written)]);
    Ok(())
}

/// PostgreSQL's identity sequences continue after the ids the demo chose; both databases get
/// fresh planner statistics.
async fn finish(db: &Db) -> Result<(), sqlx::Error> {
    if let Db::Postgres(_) = db {
        for table in [
            "users",
            "sections",
            "groups",
            "posts",
            "comments",
            "actions",
            "moderation_cases",
            "moderation_reports",
            "moderation_decisions",
            "conversations",
            "messages",
        ] {
            execute_alone(
                db,
                &format!("SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"),
            )
            .await?;
        }
    }
    execute_alone(db, "ANALYZE").await
}
