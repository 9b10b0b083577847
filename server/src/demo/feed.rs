//! The demo's publications: audiences, comments with replies, reactions by distinct people of
//! the audience, hashtags and mentions (with their notifications), rendered by the real sanitizer.

use std::collections::HashMap;

use app::server::{richtext, Db};

use super::bulk::{opt_int, opt_text, text, Loader, Rng};
use super::network::{with_town, Progress, World, DAY, HOUR};
use super::texts::*;
use super::{SeedReport, Sizes};

/// `total` split over `n` items, item by item, exactly: pairs of items share twice the average,
/// unevenly.
pub(super) fn split(rng: &mut Rng, total: usize, n: usize, i: usize, pair_share: &mut usize) -> usize {
    let base = total / n;
    let extra = usize::from(i < total % n);
    if i.is_multiple_of(2) {
        let this = rng.below(2 * base + 1);
        *pair_share = 2 * base - this;
        this + extra
    } else {
        *pair_share + extra
    }
}

/// Who may see (and so answer) a publication of `author` for `audience`.
fn audience_pool<'a>(world: &'a World, author: usize, audience: &str, group: Option<usize>) -> &'a [usize] {
    match (audience, group) {
        ("group", Some(g)) => &world.groups[g].members,
        ("coopains", _) => &world.coopains[author],
        _ => match world.people[author].section {
            Some(s) => &world.sections[s].members,
            None => &world.coopains[author],
        },
    }
}

fn fill(template: &str, world: &World, author: usize, rng: &mut Rng) -> String {
    let mention = world.coopains[author].first().map(|&c| world.people[c].handle.clone()).unwrap_or_else(|| world.people[0].handle.clone());
    with_town(template, world.town_of(author))
        .replace("{tag2}", rng.word(TAGS))
        .replace("{tag}", rng.word(TAGS))
        .replace("{qui}", &mention)
        .replace("{prenom}", world.people[author].first_name)
}

pub(super) async fn load_publications(
    db: &Db,
    world: &World,
    sizes: &Sizes,
    rng: &mut Rng,
    report: &mut SeedReport,
    progress: Progress<'_>,
) -> Result<(), sqlx::Error> {
    let mut posts = Loader::new(
        db,
        "posts (id, author_id, audience, section_id, federation_code, group_id, body, body_html, comment_count, created_at)",
        false,
    );
    let mut tags = Loader::new(db, "post_tags (tag, post_id)", false);
    let mut comments = Loader::new(db, "comments (id, post_id, parent_id, author_id, body, body_html, created_at)", false);
    let mut reactions = Loader::new(db, "reactions (post_id, user_id, kind, created_at)", false);
    let mut notifications = Loader::new(db, "notifications (user_id, kind, actor_id, post_id, comment_id, created_at, read_at)", false);
    let by_handle: HashMap<&str, usize> = world.people.iter().enumerate().map(|(i, p)| (p.handle.as_str(), i)).collect();
    let (n, span) = (sizes.publications, 365 * DAY);
    let mut comment_id = 0i64;
    let (mut comment_pair, mut reaction_pair) = (0, 0);
    // Comment and reaction templates render the same every time: render each once.
    let rendered_comments: Vec<(String, String)> =
        COMMENTS.iter().filter(|c| !c.contains('{')).map(|c| (c.to_string(), richtext::render(c).html.as_str().to_string())).collect();
    for i in 0..n {
        let id = i as i64 + 1;
        let created = world.now - span + (span / n as i64) * i as i64;
        let roll = rng.below(100);
        let mut author = if roll < 5 { 0 } else { rng.below(world.people.len()) };
        // Section teams write a good part of their section's news.
        if let (Some(s), true) = (world.people[author].section, rng.chance(20)) {
            if !world.sections[s].team.is_empty() {
                author = *rng.pick(&world.sections[s].team);
            }
        }
        let person = &world.people[author];
        let mut group = None;
        let audience = match roll {
            0..5 => "national",
            5..45 if person.section.is_some() => "section",
            45..60 => "federation",
            85..95 if !person.groups.is_empty() => {
                group = Some(*rng.pick(&person.groups));
                "group"
            }
            95.. if !world.coopains[author].is_empty() => "coopains",
            _ => "public",
        };
        let body = fill(rng.word(POSTS), world, author, rng);
        let rendered = richtext::render(&body);
        let section_id = person.section.map(|s| world.sections[s].id);
        let federation = world.federation_of(author);
        let pool = audience_pool(world, author, audience, group);
        let comment_count = split(rng, sizes.comments, n, i, &mut comment_pair);
        let mut top_level = Vec::new();
        for c in 0..comment_count {
            comment_id += 1;
            let commenter = if pool.is_empty() { author } else { *rng.pick(pool) };
            let (body, html) = if rng.chance(10) {
                let body = fill("@{qui} ça t'intéresse ?", world, commenter, rng);
                let html = richtext::render(&body).html.as_str().to_string();
                (body, html)
            } else {
                rng.pick(&rendered_comments).clone()
            };
            let parent = if !top_level.is_empty() && rng.chance(30) { Some(*rng.pick(&top_level)) } else { None };
            if parent.is_none() {
                top_level.push(comment_id);
            }
            let at = (created + (c as i64 + 1) * 7 * 60_000).min(world.now - 1_000);
            comments.push(format!(
                "{comment_id}, {id}, {}, {}, {}, {}, {at}",
                opt_int(parent),
                world.people[commenter].id,
                text(&body),
                text(&html)
            ));
            // The documented accounts are told of comments on their publications.
            if author < 4 && commenter != author {
                notifications.push(format!(
                    "{}, 'comment', {}, {id}, {comment_id}, {at}, {}",
                    person.id,
                    world.people[commenter].id,
                    opt_int((at < world.now - 7 * DAY).then_some(at + HOUR))
                ));
            }
        }
        posts.push(format!(
            "{id}, {}, '{audience}', {}, {}, {}, {}, {}, {comment_count}, {created}",
            person.id,
            opt_int(section_id),
            opt_text(Some(federation)),
            opt_int(group.map(|g| world.groups[g].id)),
            text(&body),
            text(rendered.html.as_str())
        ));
        for tag in &rendered.tags {
            tags.push(format!("{}, {id}", text(tag)));
        }
        for handle in &rendered.mentions {
            if let Some(&m) = by_handle.get(handle.as_str()) {
                if m != author {
                    let read = opt_int((created < world.now - 7 * DAY).then_some(created + HOUR));
                    notifications.push(format!("{}, 'mention', {}, {id}, NULL, {created}, {read}", world.people[m].id, person.id));
                }
            }
        }
        // Distinct people react: a stride through the audience (or everyone if it is small).
        let wanted = split(rng, sizes.reactions, n, i, &mut reaction_pair);
        let pool: &[usize] = if pool.len() >= wanted { pool } else { &[] };
        let people = if pool.is_empty() { world.people.len() } else { pool.len() };
        let wanted = wanted.min(people);
        let start = rng.below(people);
        let stride = coprime_stride(people, rng);
        for k in 0..wanted {
            let slot = (start + k * stride) % people;
            let reactor = if pool.is_empty() { slot } else { pool[slot] };
            let kind = rng.word(&["bravo", "bravo", "soutien", "merci", "idee", "debat"]);
            reactions.push(format!("{id}, {}, '{kind}', {}", world.people[reactor].id, created + 60_000));
        }
        crate::flush_when_full!(posts, tags, comments, reactions, notifications);
        if (i + 1) % 10_000 == 0 {
            progress("publications", i as u64 + 1, n as u64);
        }
    }
    for loader in [&mut posts, &mut tags, &mut comments, &mut reactions, &mut notifications] {
        loader.flush().await?;
    }
    progress("publications", n as u64, n as u64);
    report.rows.extend([
        ("posts", posts.written),
        ("post_tags", tags.written),
        ("comments", comments.written),
        ("reactions", reactions.written),
        ("notifications", notifications.written),
    ]);
    Ok(())
}

/// A step through `0..n` that visits every slot once (n > 0).
pub(super) fn coprime_stride(n: usize, rng: &mut Rng) -> usize {
    if n <= 1 {
        return 1;
    }
    loop {
        let s = 1 + rng.below(n - 1);
        if gcd(s, n) == 1 {
            return s;
        }
    }
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}
