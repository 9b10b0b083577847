//! The authorization matrix: every subject × every route and server function × expected
//! allow/deny, on both databases, plus side channels (counts, directories, error answers).
//! A route or server function without a row fails the test.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use app::model::ids::{ActionId, CommentId, PostId, UserId};
use std::collections::{BTreeSet, HashMap};

use app::api::account::address_link_valid::AddressLinkValid;
use app::api::account::erasure_link::ErasureLink;
use app::api::account::get_my_consents::GetMyConsents;
use app::api::account::get_privacy_notice::GetPrivacyNotice;
use app::api::account::reset_link_valid::ResetLinkValid;
use app::api::account::{get_current_user::GetCurrentUser, get_home::GetHome, get_my_account::GetMyAccount};
use app::api::actions::{
    get_action::GetAction, get_action_form::GetActionForm, get_actions::GetActions, get_my_actions::GetMyActions,
    get_offline_forms::GetOfflineForms, get_report_form::GetReportForm, get_section_statistics::GetSectionStatistics,
    locate_commune::LocateCommune,
};
use app::api::announcements::{
    get_announcement::GetAnnouncement, get_announcements::GetAnnouncements, get_unsubscribe_link::GetUnsubscribeLink,
};
use app::api::debates::{get_debate::GetDebate, get_debates::GetDebates, get_debates::GetScopeDebates};
use app::api::documents::{get_document::GetDocument, get_new_document::GetNewDocument, get_toolbox::GetToolbox};
use app::api::feed::{
    comment_on_post::CommentOnPost, get_coopains::GetCoopains, get_feed::GetFeed, get_group::GetGroup, get_notifications::GetNotifications,
    get_post::GetPost, get_post_counts::GetPostCounts, get_unread_count::GetUnreadCount, list_groups::ListGroups,
    react_to_post::ReactToPost,
};
use app::api::messages::{
    get_conversations::GetConversations, get_new_conversation::GetNewConversation, get_thread::GetThread,
    get_unread_conversations::GetUnreadConversations,
};
use app::api::moderation::{
    get_case::GetCase, get_charter::GetCharter, get_decision::GetDecision, get_journal::GetJournal, get_my_queues::GetMyQueues,
    get_queue::GetQueue, get_report_target::GetReportTarget, get_suspension_appeal::GetSuspensionAppeal,
};
use app::api::profile::{get_member_profile::GetMemberProfile, get_my_profile::GetMyProfile};
use app::api::territory::{
    find_section::FindSection, get_federation::GetFederation, get_national_journal::GetNationalJournal, get_section::GetSection,
    get_section_directory::GetSectionDirectory, list_federations::ListFederations,
};
use app::api::votes::{get_vote::GetVote, get_votes::GetVotes};
use app::model::form::RawForm;
use app::model::territory::{Role, Scope};
use app::on_both_backends;
use app::server::auth::session_token;
use app::server::context::{AppState, Limit, RateLimits};
use app::server::media::{Upload, UploadContent};
use app::server::policy::Subject;
use app::server::services::groups::{GroupAction, MemberDecision};
use app::server::services::social::CoopainAction;
use app::server::services::{accounts, actions, calendar, groups, membership, posts, reports, roles, rsvp, sections, social, subjects};
use app::server::testing::{self, TestDb};
use app::server::testing_images;
use app::server::{now_ms, store};
use axum::Router;
use http::{header, StatusCode};
use leptos::server_fn::ServerFn;
use support::{get, multipart, post_form, router_with, send, status_of, Part, ORIGIN};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Who {
    Anonymous,
    /// Signed up in Lille, address not proven yet: acts, does not speak.
    Unverified,
    Unconfirmed,
    Sympathisant,
    AdherentS,
    AdherentOther,
    SecretaryS,
    SecretaryOther,
    FedRespF,
    FedRespOther,
    Admin,
    Suspended,
}

use Who::*;

const EVERYONE: &[Who] = &[
    Anonymous,
    Unverified,
    Unconfirmed,
    Sympathisant,
    AdherentS,
    AdherentOther,
    SecretaryS,
    SecretaryOther,
    FedRespF,
    FedRespOther,
    Admin,
    Suspended,
];
const SIGNED_IN: &[Who] =
    &[Unverified, Unconfirmed, Sympathisant, AdherentS, AdherentOther, SecretaryS, SecretaryOther, FedRespF, FedRespOther, Admin];
/// Signed in with a proven address: who may publish.
const SPEAKERS: &[Who] = &[Unconfirmed, Sympathisant, AdherentS, AdherentOther, SecretaryS, SecretaryOther, FedRespF, FedRespOther, Admin];
const DIRECTORY: &[Who] = &[AdherentS, SecretaryS, FedRespF, Admin];
const SECTION_TEAM_AND_ABOVE: &[Who] = &[SecretaryS, FedRespF, Admin];
const FEDERATION_F: &[Who] = &[FedRespF, Admin];
// The feed fixtures: Adèle (Lille) publishes to every audience; Sophie is her coopain; Rémi is
// blocked by her; Olivier is the other member of her private group.
const NOT_BLOCKED: &[Who] =
    &[Anonymous, Unverified, Unconfirmed, Sympathisant, AdherentS, SecretaryS, SecretaryOther, FedRespF, FedRespOther, Admin, Suspended];
/// Who may comment and react on Adèle's publications: speakers she did not block.
const SPEAKERS_NOT_BLOCKED: &[Who] = &[Unconfirmed, Sympathisant, AdherentS, SecretaryS, SecretaryOther, FedRespF, FedRespOther, Admin];
const PEOPLE_OF_LILLE: &[Who] = &[Unverified, Unconfirmed, Sympathisant, AdherentS, SecretaryS];
const PEOPLE_OF_NORD: &[Who] = &[Unverified, Unconfirmed, Sympathisant, AdherentS, SecretaryS, SecretaryOther, FedRespF];
const ADELE_AND_COOPAIN: &[Who] = &[AdherentS, SecretaryS];
const PRIVATE_GROUP: &[Who] = &[AdherentS, SecretaryOther];
const GROUP_CREATORS: &[Who] = &[AdherentS, AdherentOther, SecretaryS, SecretaryOther, FedRespF, FedRespOther, Admin];
const NOBODY: &[Who] = &[];
const LILLE_AND_TEAM: &[Who] = &[Unverified, Unconfirmed, Sympathisant, AdherentS, SecretaryS, FedRespF, Admin];
const NORD_ADHERENTS: &[Who] = &[AdherentS, AdherentOther, SecretaryS, SecretaryOther, FedRespF, Admin];
const ACTION_TEAM: &[Who] = &[SecretaryS, FedRespF, Admin];
/// The photos of yesterday's compte-rendu: Sacha, who had a place, and the action's team.
const REPORT_PHOTOS: &[Who] = &[Sympathisant, SecretaryS, FedRespF, Admin];
/// Who may report Adèle's public publication: speakers who see it (not Rémi, whom she blocked), but her.
const REPORTERS_OF_ADELE: &[Who] = &[Unconfirmed, Sympathisant, SecretaryS, SecretaryOther, FedRespF, FedRespOther, Admin];
/// The people of the Nord federation (its journal), and its team.
const PEOPLE_OF_NORD_AND_TEAM: &[Who] =
    &[Unverified, Unconfirmed, Sympathisant, AdherentS, AdherentOther, SecretaryS, SecretaryOther, FedRespF];
/// Lille's confirmed adhérents, its team and the federation above.
const LILLE_STATISTICS: &[Who] = &[AdherentS, SecretaryS, FedRespF, Admin];
/// Adèle's group conversations: her, Sophie and Olivier.
const ADELE_TEAM_TALK: &[Who] = &[AdherentS, SecretaryS, SecretaryOther];
const SACHA: &[Who] = &[Sympathisant];
/// Sophie's annonce to Lille's sympathisants: Sacha and Véra received it; Lille's team and the
/// federation above read it.
const ANNONCE_READERS: &[Who] = &[Unverified, Sympathisant, SecretaryS, FedRespF, Admin];
const LILLE_SECRETARY: &[Who] = &[SecretaryS];
/// The electorate of Sophie's votes in Lille: its confirmed adhérents not suspended when they
/// opened (Adèle, Sophie).
const LILLE_ELECTORS: &[Who] = &[AdherentS, SecretaryS];
/// Who downloads a counted vote's ballots: its electorate, Lille's team and the federation above.
const VOTE_BALLOTS: &[Who] = &[AdherentS, SecretaryS, FedRespF, Admin];
/// The Nord federation's votes: its people, its team, the national administrators.
const NORD_VOTES: &[Who] = &[Unverified, Unconfirmed, Sympathisant, AdherentS, AdherentOther, SecretaryS, SecretaryOther, FedRespF, Admin];
const PAUL_AND_SACHA: &[Who] = &[Sympathisant, FedRespOther];
/// Who takes part in a Lille debate: its people with a proven address.
const LILLE_SPEAKERS: &[Who] = &[Unconfirmed, Sympathisant, AdherentS, SecretaryS];
/// A debate Adèle proposed: her and Lille's team (who approves it).
const DEBATE_PROPOSAL: &[Who] = &[AdherentS, SecretaryS];
/// Who opens (the team) or proposes (a confirmed adhérent of the section) a debate in Lille.
const DEBATE_OPENERS_LILLE: &[Who] = &[AdherentS, SecretaryS];
/// Who fills a toolbox: the sections' secretaries, the federations' responsables, the national
/// administrators (who fill the national one).
const TOOLBOX_TEAMS: &[Who] = &[SecretaryS, SecretaryOther, FedRespF, FedRespOther, Admin];

fn limits() -> RateLimits {
    let many = Limit { max: 100_000, window_secs: 3600 };
    RateLimits {
        signin_per_ip: many,
        signin_failures_per_account: many,
        signup_per_ip: many,
        signup_per_account: many,
        posting_per_account: many,
        moves_per_account: many,
        coopain_per_account: many,
        reports_per_account: many,
        conversations_per_account: many,
        messages_per_account: many,
    }
}

struct World {
    router: Router,
    state: AppState,
    users: HashMap<Who, (UserId, String, String)>, // id, handle, postal code
    free_communes: Vec<String>,
    posts: HashMap<&'static str, PostId>,
    /// The key of each fixture publication's picture.
    pictures: HashMap<&'static str, String>,
    actions: HashMap<&'static str, ActionId>,
    calendar_token: String,
    /// Adèle's data export, ready to download.
    export_id: i64,
    /// An open case in Lille's queue (Sacha reported Adèle's section publication).
    case_id: i64,
    /// A warning the national team gave Adèle (Sacha reported her public publication).
    decision_id: i64,
    /// Conversations: "direct" (Adèle and Sophie), "group" and "leave" (Adèle, Sophie and
    /// Olivier), "request" (Paul asks Sacha).
    conversations: HashMap<&'static str, i64>,
    /// Sophie's annonce to Lille's sympathisants, and the unsubscribe token of Sacha's mail.
    announcement: (i64, String),
    /// Sophie's debates in Lille (`debate_fixtures`).
    debates: HashMap<&'static str, i64>,
    /// Sophie's votes in Lille: "open" (nobody voted), "full" (both electors voted, still
    /// open), "counted" (closed and counted).
    votes: HashMap<&'static str, i64>,
    /// Toolbox documents (`document_fixtures`): id and the key of their file.
    documents: HashMap<&'static str, (i64, String)>,
    /// Lille's toolbox as the form names it ("section:{id}").
    lille_scope: String,
}

fn form(pairs: &[(&str, &str)]) -> RawForm {
    RawForm::of(pairs)
}

async fn sign_up(state: &AppState, name: &str, email: &str, postal: &str, membership: &str) -> UserId {
    let f = form(&[
        ("display_name", name),
        ("email", email),
        ("password", "un mot de passe solide"),
        ("postal_code", postal),
        ("membership", membership),
        ("consent", "oui"),
        ("charte", "oui"),
        // Several communes share 62000 (Arras, Dainville): say which one.
        ("commune", if postal == "62000" { "62041" } else { "" }),
    ]);
    let id = accounts::sign_up(state, &f, "matrix").await.expect("sign up").user_id;
    // Everyone proves their address, except the one who stays unverified.
    if email != "vera@example.fr" {
        testing::confirm_address(state, email).await;
    }
    id
}

async fn subject_of(state: &AppState, id: UserId) -> Subject {
    subjects::of_person(&state.db, id).await.expect("subject")
}

async fn build_world(t: &TestDb) -> World {
    let state = t.state(limits());
    let router = router_with(t, limits(), None);
    let people: [(Who, &str, &str, &str, &str); 11] = [
        (Admin, "Anne Admin", "admin@example.fr", "75001", "adherent"),
        (Unverified, "Véra Vérif", "vera@example.fr", "59000", "sympathisant"),
        (Unconfirmed, "Ulysse Attente", "ulysse@example.fr", "59000", "adherent"),
        (Sympathisant, "Sacha Sympathie", "sacha@example.fr", "59000", "sympathisant"),
        (AdherentS, "Adèle Annuaire", "adele@example.fr", "59000", "adherent"),
        (AdherentOther, "Rémi Roubaix", "remi@example.fr", "59100", "adherent"),
        (SecretaryS, "Sophie Secrétaire", "sophie@example.fr", "59000", "adherent"),
        (SecretaryOther, "Olivier Autre", "olivier@example.fr", "59100", "adherent"),
        (FedRespF, "Fanny Fédé", "fanny@example.fr", "59120", "adherent"),
        (FedRespOther, "Paul Pas-de-Calais", "paul@example.fr", "62000", "adherent"),
        (Suspended, "Sam Suspendu", "sam@example.fr", "59000", "adherent"),
    ];
    let mut users = HashMap::new();
    for (who, name, email, postal, membership) in people {
        let id = sign_up(&state, name, email, postal, membership).await;
        let handle = store::users::by_id(&state.db, id).await.unwrap().unwrap().handle;
        users.insert(who, (id, handle, postal.to_string()));
    }
    // A newcomer in a commune no section covers (Loos), for the federation's welcome list.
    sign_up(&state, "Noé Loos", "noe@example.fr", "59120", "sympathisant").await;

    let admin = subject_of(&state, users[&Admin].0).await;
    assert!(admin.is_national_admin(), "the first account is national admin");
    for (slug, name, fed, commune) in [
        ("lille", "Lille", "59", "Lille (59350)"),
        ("roubaix", "Roubaix", "59", "Roubaix (59512)"),
        ("arras", "Arras", "62", "Arras (62041)"),
    ] {
        let f = form(&[("name", name), ("slug", slug), ("description", "Section de test"), ("communes", commune)]);
        sections::create(&state, &admin, fed, &f).await.expect("create section");
    }
    let section_id = |slug: &str| {
        let db = state.db.clone();
        let slug = slug.to_string();
        async move { store::sections::by_slug(&db, &slug).await.unwrap().unwrap().id }
    };
    let grants = [
        (SecretaryS, Role::SectionSecretary, Scope::Section(section_id("lille").await.get())),
        (SecretaryOther, Role::SectionSecretary, Scope::Section(section_id("roubaix").await.get())),
        (FedRespF, Role::FederationFirstSecretary, Scope::Federation("59".into())),
        (FedRespOther, Role::FederationFirstSecretary, Scope::Federation("62".into())),
    ];
    for (who, role, scope) in grants {
        roles::grant(&state, &admin, role, &scope, &users[&who].1).await.expect("grant");
    }
    for who in [AdherentS, AdherentOther, SecretaryS, SecretaryOther, FedRespF, FedRespOther, Suspended] {
        membership::decide(&state, &admin, users[&who].0, true).await.expect("confirm");
    }
    roles::set_suspended_by_email(&state, "sam@example.fr", true).await.expect("suspend");

    let free_communes = store_free_communes(&state).await;
    let posts = feed_fixtures(&state, &users).await;
    let mut pictures = picture_keys(&state, users[&AdherentS].0, &posts).await;
    pictures.extend(held_picture_keys(&state, &users).await);
    let (actions, calendar_token) = action_fixtures(&state, &users).await;
    let report_photos: Vec<store::reports::PhotoRow> = store::reports::photos_part(actions["past"]).fetch_all(&state.db).await.unwrap();
    pictures.insert("report", report_photos[0].key.clone());
    let adele = subject_of(&state, users[&AdherentS].0).await;
    app::server::services::export::request(&state, &adele).await.expect("export");
    assert!(app::server::services::export::build_due(&state).await.expect("build the export"));
    let export_id = app::server::services::account::view(&state, &adele).await.expect("account").export.expect("ready").id;
    let (case_id, decision_id) = moderation_fixtures(&state, &users, &posts).await;
    let conversations = message_fixtures(&state, &users).await;
    let announcement = announcement_fixture(&state, &users).await;
    let votes = vote_fixtures(&state, &users).await;
    let debates = debate_fixtures(&state, &users).await;
    let documents = document_fixtures(&state, &users).await;
    let lille_scope = format!("section:{}", section_id("lille").await);
    World {
        router,
        state,
        users,
        free_communes,
        posts,
        pictures,
        actions,
        calendar_token,
        export_id,
        case_id,
        decision_id,
        conversations,
        announcement,
        votes,
        debates,
        documents,
        lille_scope,
    }
}

/// A toolbox document of `who` (its id, the key of its file).
async fn toolbox_document(state: &AppState, who: &Subject, fields: &[(&str, &str)]) -> (i64, String) {
    let upload = vec![Upload { field: "fichier".into(), content: UploadContent::Bytes(testing_images::pdf("Tract de la matrice").into()) }];
    let id = app::server::services::documents::create(state, who, &form(fields), &upload).await.expect("fixture document");
    let sql = "SELECT key FROM document_versions WHERE document_id = $1";
    let key: String = app::on_pool!(state.db.read(), p => sqlx::query_scalar(sql).bind(id).fetch_one(p).await).unwrap();
    (id.get(), key)
}

/// Sophie's Lille documents ("members", "adherents" only, "public") and Fanny's Nord one
/// ("federation", for its members).
async fn document_fixtures(state: &AppState, users: &HashMap<Who, (UserId, String, String)>) -> HashMap<&'static str, (i64, String)> {
    let sophie = subject_of(state, users[&SecretaryS].0).await;
    let fanny = subject_of(state, users[&FedRespF].0).await;
    let lille = store::sections::by_slug(&state.db, "lille").await.unwrap().unwrap().id;
    let portee = format!("section:{lille}");
    let mut documents = HashMap::new();
    for (key, title, audience) in
        [("members", "DOC-MEMBRES", "membres"), ("adherents", "DOC-ADHERENTS", "adherents"), ("public", "DOC-PUBLIC", "public")]
    {
        let fields = [("portee", portee.as_str()), ("titre", title), ("categorie", "tract"), ("public", audience)];
        documents.insert(key, toolbox_document(state, &sophie, &fields).await);
    }
    let fields = [("portee", "federation:59"), ("titre", "DOC-NORD"), ("categorie", "argumentaire"), ("public", "membres")];
    documents.insert("federation", toolbox_document(state, &fanny, &fields).await);
    documents
}

/// Sophie's debates in Lille: "scope" (members only, with Adèle's contribution and two
/// propositions), "public", "synthesis" (closed by a probe); and "pending", proposed by Adèle.
async fn debate_fixtures(state: &AppState, users: &HashMap<Who, (UserId, String, String)>) -> HashMap<&'static str, i64> {
    use app::model::debates::DebateScope;
    use app::server::services::debates;
    let sophie = subject_of(state, users[&SecretaryS].0).await;
    let adele = subject_of(state, users[&AdherentS].0).await;
    let closes = app::i18n::paris_datetime_input(now_ms() + 7 * 86_400_000);
    let lille = DebateScope::Section("lille".into());
    let open = |title: &'static str, audience: &'static str| {
        form(&[("title", title), ("description", "Un débat pour la matrice"), ("audience", audience), ("closes_at", closes.as_str())])
    };
    let mut ids = HashMap::new();
    ids.insert("scope", debates::open(state, &sophie, &lille, &open("MARQUE-DEBAT scope", "scope")).await.unwrap());
    ids.insert("public", debates::open(state, &sophie, &lille, &open("MARQUE-DEBAT public", "public")).await.unwrap());
    ids.insert("synthesis", debates::open(state, &sophie, &lille, &open("MARQUE-DEBAT synthese", "scope")).await.unwrap());
    ids.insert("pending", debates::open(state, &adele, &lille, &open("MARQUE-DEBAT attente", "scope")).await.unwrap());
    let said = form(&[("stance", "pour"), ("body", "MARQUE-CONTRIBUTION")]);
    ids.insert("contribution", debates::contribute(state, &adele, ids["scope"], &said).await.unwrap());
    for key in ["proposal_a", "proposal_b"] {
        let f = form(&[("proposal_title", &format!("MARQUE-PROPOSITION {key}")), ("proposal_body", "")]);
        ids.insert(key, debates::propose(state, &adele, ids["scope"], &f).await.unwrap());
    }
    ids
}

/// Sophie opens three oui / non votes in Lille, whose electorate is Adèle and her.
async fn vote_fixtures(state: &AppState, users: &HashMap<Who, (UserId, String, String)>) -> HashMap<&'static str, i64> {
    use app::model::announcements::TeamScope;
    use app::server::services::votes;
    let sophie = subject_of(state, users[&SecretaryS].0).await;
    let adele = subject_of(state, users[&AdherentS].0).await;
    let closes = app::i18n::paris_datetime_input(now_ms() + 86_400_000);
    let mut ids = HashMap::new();
    for key in ["open", "full", "counted"] {
        let f = form(&[("title", &format!("MARQUE-VOTE {key}")), ("kind", "oui_non"), ("closes_at", closes.as_str())]);
        ids.insert(key, votes::open(state, &sophie, &TeamScope::Section("lille".into()), &f).await.unwrap());
    }
    for key in ["full", "counted"] {
        for voter in [&sophie, &adele] {
            votes::cast(state, voter, ids[key], &form(&[("reponse", "oui")])).await.unwrap();
        }
    }
    votes::close_early(state, &sophie, ids["counted"]).await.unwrap();
    ids
}

/// Sophie writes to Lille's sympathisants (Sacha and Véra); Sacha's mail carries its unsubscribe
/// link.
async fn announcement_fixture(state: &AppState, users: &HashMap<Who, (UserId, String, String)>) -> (i64, String) {
    use app::model::announcements::TeamScope;
    use app::server::services::announcements;
    let sophie = subject_of(state, users[&SecretaryS].0).await;
    let lille = TeamScope::Section("lille".into());
    let mut f = vec![("segment", "sympathisants"), ("subject", "MARQUE-ANNONCE"), ("body", "Réunion mardi")];
    let (count, _) = announcements::preview(state, &sophie, &lille, &form(&f)).await.unwrap();
    let count = count.to_string();
    f.push(("attendu", &count));
    let id = announcements::send(state, &sophie, &lille, &form(&f)).await.unwrap();
    let mail = testing::outbox(&state.db).await.into_iter().find(|m| m.kind == "announcement" && m.to_address == "sacha@example.fr");
    let link = mail.and_then(|m| m.list_unsubscribe).expect("Sacha's annonce mail");
    (id, link.rsplit('/').next().unwrap_or_default().to_string())
}

/// Adèle writes to Sophie (her coopain) and to Sophie and Olivier (her private group) twice;
/// Paul, who shares nothing with Sacha, asks her.
async fn message_fixtures(state: &AppState, users: &HashMap<Who, (UserId, String, String)>) -> HashMap<&'static str, i64> {
    use app::server::services::messages;
    let adele = subject_of(state, users[&AdherentS].0).await;
    let paul = subject_of(state, users[&FedRespOther].0).await;
    let team = format!("{}, {}", users[&SecretaryS].1, users[&SecretaryOther].1);
    let mut ids = HashMap::new();
    let direct = form(&[("recipients", &users[&SecretaryS].1), ("body", "MARQUE-MESSAGE direct")]);
    ids.insert("direct", messages::start(state, &adele, &direct).await.unwrap());
    for (key, title) in [("group", "MARQUE-CONVERSATION"), ("leave", "Équipe à quitter")] {
        let group = form(&[("recipients", &team), ("title", title), ("body", "MARQUE-MESSAGE groupe")]);
        ids.insert(key, messages::start(state, &adele, &group).await.unwrap());
    }
    let ask = form(&[("recipients", &users[&Sympathisant].1), ("body", "MARQUE-DEMANDE")]);
    ids.insert("request", messages::start(state, &paul, &ask).await.unwrap());
    let first = messages::thread(state, &adele, ids["direct"], None).await.unwrap().messages[0].id;
    ids.insert("direct_message", first);
    ids
}

async fn feed_fixtures(state: &AppState, users: &HashMap<Who, (UserId, String, String)>) -> HashMap<&'static str, PostId> {
    let adele = subject_of(state, users[&AdherentS].0).await;
    let sophie = subject_of(state, users[&SecretaryS].0).await;
    let olivier = subject_of(state, users[&SecretaryOther].0).await;
    social::act(state, &sophie, &users[&AdherentS].1, CoopainAction::Request).await.unwrap();
    social::act(state, &adele, &users[&SecretaryS].1, CoopainAction::Accept).await.unwrap();
    social::act(state, &adele, &users[&AdherentOther].1, CoopainAction::Block).await.unwrap();
    let private = groups::create(
        state,
        &adele,
        &form(&[("name", "Cercle privé"), ("purpose", "Un groupe fermé pour la matrice"), ("privacy", "private")]),
    )
    .await
    .unwrap();
    groups::join_or_leave(state, &olivier, &private, GroupAction::Join).await.unwrap();
    groups::decide(state, &adele, &private, &users[&SecretaryOther].1, MemberDecision::Accept).await.unwrap();
    let noe = subject_of(state, store::users::by_handle(&state.db, "noe-loos").await.unwrap().unwrap().id).await;
    groups::join_or_leave(state, &noe, &private, GroupAction::Join).await.unwrap();
    groups::create(
        state,
        &adele,
        &form(&[("name", "Vélo pour tous"), ("purpose", "Pédaler ensemble vers les quartiers"), ("privacy", "public")]),
    )
    .await
    .unwrap();
    let mut posts_by_kind = HashMap::new();
    for (kind, audience, body) in [
        ("public", "public|", "MARQUE-PUBLIC #matrice"),
        ("section", "section|", "MARQUE-SECTION #lillois"),
        ("federation", "federation|", "MARQUE-FEDERATION"),
        ("coopains", "coopains|", "MARQUE-COOPAINS"),
        ("group", "group|cercle-prive", "MARQUE-GROUPE"),
    ] {
        // Each carries a phone photo (150×200 once upright): its file is read through its holder's rule.
        let photo = Upload { field: "photo_1".into(), content: UploadContent::Bytes(testing_images::jpeg_with_gps(200, 150).into()) };
        let id = posts::publish_with_pictures(state, &adele, &form(&[("body", body), ("audience_group", audience)]), &[photo])
            .await
            .expect("fixture post");
        posts_by_kind.insert(kind, id);
    }
    posts_by_kind
}

/// The key of the picture of each fixture publication.
async fn picture_keys(state: &AppState, adele: UserId, posts: &HashMap<&'static str, PostId>) -> HashMap<&'static str, String> {
    let mut keys = HashMap::new();
    for (kind, id) in posts {
        let row = store::posts::visible(&state.db, adele, *id, true).await.unwrap().expect("Adèle sees her publication");
        let pictures = app::server::services::media::pictures_of(&row.post.pictures);
        keys.insert(*kind, pictures.first().expect("a picture").key.clone());
    }
    keys
}

/// An avatar (Noé's: no subject of the matrix changes it), Roubaix's banner (the rows change
/// Lille's) and the private group's banner (the rows change the public group's).
async fn held_picture_keys(state: &AppState, users: &HashMap<Who, (UserId, String, String)>) -> HashMap<&'static str, String> {
    use app::server::services::{held_pictures, profiles};
    let photo =
        |width, height| vec![Upload { field: "photo".into(), content: UploadContent::Bytes(testing_images::png(width, height).into()) }];
    let noe = subject_of(state, store::users::by_handle(&state.db, "noe-loos").await.unwrap().unwrap().id).await;
    held_pictures::set_avatar(state, &noe, &photo(150, 150)).await.unwrap();
    let olivier = subject_of(state, users[&SecretaryOther].0).await;
    held_pictures::set_section_banner(state, &olivier, "roubaix", &photo(600, 200)).await.unwrap();
    let adele = subject_of(state, users[&AdherentS].0).await;
    held_pictures::set_group_banner(state, &adele, "cercle-prive", &photo(600, 200)).await.unwrap();
    let avatar = profiles::my_profile(state, &noe).await.unwrap().avatar.unwrap().key;
    let section = sections::section_view(state, &olivier, "roubaix").await.unwrap().banner.unwrap().key;
    let group = groups::view(state, &adele, "cercle-prive", None, app::i18n::Lang::Fr).await.unwrap().banner.unwrap().key;
    HashMap::from([("avatar", avatar), ("section_banner", section), ("group_banner", group)])
}

/// Sacha reports Adèle's section publication (an open case of Lille) and a public one of hers, on
/// which the national admin warns her.
async fn moderation_fixtures(
    state: &AppState,
    users: &HashMap<Who, (UserId, String, String)>,
    posts: &HashMap<&'static str, PostId>,
) -> (i64, i64) {
    use app::model::moderation::ItemKind;
    use app::server::services::{moderation, moderation_views};
    let sacha = subject_of(state, users[&Sympathisant].0).await;
    let spam = form(&[("category", "spam")]);
    moderation::report(state, &sacha, ItemKind::Post, &posts["section"].to_string(), &spam).await.unwrap();
    let adele = subject_of(state, users[&AdherentS].0).await;
    let warned = posts::publish(state, &adele, &form(&[("body", "Achetez mes livres"), ("audience_group", "public|")])).await.unwrap();
    moderation::report(state, &sacha, ItemKind::Post, &warned.to_string(), &spam).await.unwrap();
    let sophie = subject_of(state, users[&SecretaryS].0).await;
    let case_id = moderation_views::queue(state, &sophie, "section-lille", None).await.unwrap().items[0].case_id;
    let admin = subject_of(state, users[&Admin].0).await;
    let national = moderation_views::queue(state, &admin, "national", None).await.unwrap().items[0].case_id;
    let warn = form(&[("decision", "warn"), ("rule", "4"), ("reason", "MARQUE-MOTIF répétitions")]);
    let decision_id = moderation::decide(state, &admin, national, &warn).await.unwrap();
    (case_id, decision_id)
}

/// A date-time `days` from now, as the action form's fields take it.
fn in_days(days: i64) -> String {
    app::i18n::paris_datetime_input(now_ms() + days * 86_400_000)
}

fn action_form_fields(title: &str, audience: &str, capacity: &str) -> Vec<(String, String)> {
    let (start, end) = (in_days(3), in_days(4));
    fields(&[
        ("kind", "tractage"),
        ("title", title),
        ("place_name", "Marché de Wazemmes"),
        ("lat", "50.6286"),
        ("lng", "3.0570"),
        ("audience", audience),
        ("capacity", capacity),
        ("starts_at", &start),
        ("ends_at", &end),
    ])
}

/// Sophie (secretary of Lille) organizes a public action, an open one without capacity (where
/// Sacha answered yes and shares her e-mail), a section-only and an adhérents-only one, and a
/// public one that took place yesterday (Sacha had a place; Sophie wrote its compte-rendu with a
/// new contact and a photo). Sacha has a calendar address.
async fn action_fixtures(state: &AppState, users: &HashMap<Who, (UserId, String, String)>) -> (HashMap<&'static str, ActionId>, String) {
    let sophie = subject_of(state, users[&SecretaryS].0).await;
    let mut ids = HashMap::new();
    for (key, title, audience) in [
        ("public", "MARQUE-ACTION-PUBLIQUE", "public"),
        ("open", "MARQUE-ACTION-OUVERTE", "public"),
        ("section", "MARQUE-ACTION-SECTION", "section"),
        ("members", "MARQUE-ACTION-ADHERENTS", "adherents"),
        ("past", "MARQUE-ACTION-PASSEE", "public"),
        ("invite", "MARQUE-ACTION-INVITATION", "public"),
    ] {
        let mut fields = action_form_fields(title, audience, if key == "public" { "2" } else { "" });
        if key == "invite" {
            // Adèle (of Lille) is invited to co-organize: only she may answer.
            fields.push(("organizers".into(), users[&AdherentS].1.clone()));
        }
        ids.insert(key, actions::create(state, &sophie, &RawForm(fields)).await.expect("fixture action"));
    }
    let sacha = subject_of(state, users[&Sympathisant].0).await;
    rsvp::answer(state, &sacha, ids["open"], &form(&[("reponse", "oui"), ("partage", "oui")])).await.unwrap();
    rsvp::answer(state, &sacha, ids["past"], &form(&[("reponse", "oui")])).await.unwrap();
    let yesterday = now_ms() - 86_400_000;
    app::server::testing::move_action(&state.db, ids["past"], yesterday, yesterday + 7_200_000).await;
    let report = form(&[
        ("cle", "matrice-fixture-0001"),
        ("tracts", "250"),
        ("contact1_name", "CONTACT-MATRICE"),
        ("contact1_phone", "06 12 34 56 78"),
        ("contact1_consent", "oui"),
        ("contact1_duree", "6"),
        ("notes", "NOTE-MATRICE"),
    ]);
    let photo = Upload { field: "photo_1".into(), content: UploadContent::Bytes(testing_images::png(150, 150).into()) };
    assert!(reports::submit(state, &sophie, ids["past"], &report, &[photo]).await.unwrap());
    let token = calendar::new_token(state, &sacha).await.unwrap();
    (ids, token)
}

impl World {
    /// A fresh Lille document of Sophie's, for members.
    async fn fresh_document(&self) -> i64 {
        let sophie = subject_of(&self.state, self.users[&SecretaryS].0).await;
        let lille = store::sections::by_slug(&self.state.db, "lille").await.unwrap().unwrap().id;
        let portee = format!("section:{lille}");
        toolbox_document(
            &self.state,
            &sophie,
            &[("portee", &portee), ("titre", "Document frais"), ("categorie", "tract"), ("public", "membres")],
        )
        .await
        .0
    }

    /// A fresh action by Sophie, or a fresh proposal by Adèle.
    async fn fresh_action(&self, proposal: bool) -> ActionId {
        let who = if proposal { AdherentS } else { SecretaryS };
        let author = subject_of(&self.state, self.users[&who].0).await;
        actions::create(&self.state, &author, &RawForm(action_form_fields("Action fraîche", "public", ""))).await.unwrap()
    }

    /// A fresh case of Lille's queue, decided and appealed as `stage` says: (case, decision).
    async fn fresh_case(&self, stage: Stage) -> (i64, i64) {
        use app::model::moderation::ItemKind;
        use app::server::services::moderation;
        let adele = subject_of(&self.state, self.users[&AdherentS].0).await;
        let post =
            posts::publish(&self.state, &adele, &form(&[("body", "Un contenu à examiner"), ("audience_group", "section|")])).await.unwrap();
        let sacha = subject_of(&self.state, self.users[&Sympathisant].0).await;
        moderation::report(&self.state, &sacha, ItemKind::Post, &post.to_string(), &form(&[("category", "spam")])).await.unwrap();
        let mut tx = self.state.db.begin().await.unwrap();
        let case = store::moderation::case_of_item(&mut tx, ItemKind::Post, post.get()).await.unwrap().unwrap().id;
        tx.commit().await.unwrap();
        if stage == Stage::Open {
            return (case, 0);
        }
        let sophie = subject_of(&self.state, self.users[&SecretaryS].0).await;
        let hide = form(&[("decision", "hide"), ("rule", "4"), ("reason", "Publicité répétée")]);
        let decision = moderation::decide(&self.state, &sophie, case, &hide).await.unwrap();
        if stage == Stage::Appealed {
            moderation::appeal(&self.state, &adele, decision, &form(&[("appeal", "Ce n’était pas de la publicité.")])).await.unwrap();
        }
        (case, decision)
    }

    /// A fresh public publication by Adèle, and a comment on it by Sophie.
    async fn fresh_post(&self) -> (PostId, CommentId) {
        let adele = subject_of(&self.state, self.users[&AdherentS].0).await;
        let sophie = subject_of(&self.state, self.users[&SecretaryS].0).await;
        let post = posts::publish(&self.state, &adele, &form(&[("body", "Une publication fraîche"), ("audience_group", "public|")]))
            .await
            .unwrap();
        let comment = posts::comment(&self.state, &sophie, post, &form(&[("comment", "Un commentaire")])).await.unwrap();
        (post, comment)
    }
}

/// Nord communes no section covers, for section-creation rows.
async fn store_free_communes(state: &AppState) -> Vec<String> {
    let mut out = Vec::new();
    for code in [
        "59001", "59002", "59004", "59005", "59006", "59007", "59008", "59009", "59010", "59011", "59013", "59014", "59015", "59016",
        "59017",
    ] {
        if store::territory::commune(&state.db, code).await.unwrap().is_some() {
            out.push(code.to_string());
        }
    }
    out
}

impl World {
    /// A fresh session for `who` (a suspended account keeps an old cookie that must count for nothing).
    async fn cookie(&self, who: Who) -> Option<String> {
        let (id, _, _) = self.users.get(&who)?;
        let token = session_token::generate();
        let mut tx = self.state.db.begin().await.unwrap();
        let now = now_ms();
        store::sessions::insert(&mut tx, &session_token::hash(&token), *id, now, now + 3_600_000).await.unwrap();
        tx.commit().await.unwrap();
        Some(format!("{}={token}", session_token::COOKIE_NAME))
    }

    fn handle(&self, who: Who) -> String {
        self.users.get(&who).map(|u| u.1.clone()).unwrap_or_default()
    }
}

/// How a row observes whether `who` was allowed.
enum Probe {
    /// GET answers 200 (a redirect to sign-in or an error page is a refusal).
    PageOk(String),
    /// GET answers 200 and shows `marker` (private parts of public pages).
    PageShows(String, &'static str),
    /// A server function answers 200 and its JSON contains `marker`.
    FnShows(&'static str, Vec<(&'static str, String)>, &'static str),
    /// A server function answers 200.
    FnOk(&'static str, Vec<(&'static str, String)>),
    /// A form POST answers 303 to somewhere other than the sign-in page.
    Post(String, Vec<(String, String)>),
    /// Confirm a fresh pending adhérent claim in Lille; allowed iff the claim is confirmed.
    DecideClaim,
    /// Like `Post`, on a fresh publication of Adèle (`{fresh}`) commented by Sophie (`{fresh_comment}`).
    PostOnFresh(String, Vec<(String, String)>),
    /// GET answers 200 without reading the body (the live stream never ends).
    StreamOk(String),
    /// Like `Post`, on a fresh action of Sophie's (or a fresh proposal of Adèle's): `{fresh_action}`.
    PostOnFreshAction(String, Vec<(String, String)>, bool),
    /// Like `Post`, on a fresh case of Lille (Sacha reported a fresh section publication of Adèle's):
    /// `{fresh_case}`; at `Stage::Decided`, hidden by Sophie (`{fresh_decision}`); at
    /// `Stage::Appealed`, appealed by Adèle.
    PostOnFreshCase(String, Vec<(String, String)>, Stage),
    /// An annonce in its two steps (the count, then "Envoyer à N personnes" with that count):
    /// answers 303 to the sent annonce.
    Announce(&'static str),
    /// A ballot: answers 200 with the receipt.
    Vote(String, Vec<(String, String)>),
    /// A multipart form with a PDF in `fichier`: answers 303 elsewhere than the sign-in page.
    Upload(String, Vec<(String, String)>),
    /// Like `Post`, on a fresh document of Lille (`{fresh_document}`).
    PostOnFreshDocument(String),
    /// A multipart form with a PNG in `photo` (an avatar, a banner): answers 303 elsewhere than
    /// the sign-in page.
    UploadPicture(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Open,
    Decided,
    Appealed,
}

struct Row {
    route: String,
    aspect: &'static str,
    allowed: &'static [Who],
    probe: Probe,
}

fn row(route: &str, aspect: &'static str, allowed: &'static [Who], probe: Probe) -> Row {
    Row { route: route.to_string(), aspect, allowed, probe }
}

fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

fn fn_path<T: ServerFn>() -> &'static str {
    T::PATH
}

fn table() -> Vec<Row> {
    let closes = app::i18n::paris_datetime_input(now_ms() + 86_400_000);
    let debate_closes = app::i18n::paris_datetime_input(now_ms() + 7 * 86_400_000);
    let get_section = fn_path::<GetSection>();
    let get_federation = fn_path::<GetFederation>();
    vec![
        row("GET /", "home", EVERYONE, Probe::PageOk("/".into())),
        row("GET /inscription", "sign-up form", EVERYONE, Probe::PageOk("/inscription".into())),
        row("GET /connexion", "sign-in form", EVERYONE, Probe::PageOk("/connexion".into())),
        row("GET /mot-de-passe-oublie", "ask for a new password", EVERYONE, Probe::PageOk("/mot-de-passe-oublie".into())),
        row(
            "GET /mot-de-passe/{token}",
            "a link's page (says when it no longer works)",
            EVERYONE,
            Probe::PageOk("/mot-de-passe/inconnu".into()),
        ),
        row(
            &format!("POST {}", fn_path::<ResetLinkValid>()),
            "whether a link still works: the link is the credential",
            EVERYONE,
            Probe::FnShows(fn_path::<ResetLinkValid>(), vec![("token", "inconnu".into())], "false"),
        ),
        row("GET /adresse/{token}", "an address link's page", EVERYONE, Probe::PageOk("/adresse/inconnu".into())),
        row("GET /compte/garder/{token}", "an erasure's cancel link page", EVERYONE, Probe::PageOk("/compte/garder/inconnu".into())),
        row("GET /compte/consentements", "own consents", SIGNED_IN, Probe::PageShows("/compte/consentements".into(), "Historique")),
        row(
            &format!("POST {}", fn_path::<GetMyConsents>()),
            "own consents",
            SIGNED_IN,
            Probe::FnShows(fn_path::<GetMyConsents>(), vec![], "\"current_version\""),
        ),
        row(
            &format!("POST {}", fn_path::<ErasureLink>()),
            "when an erasure link takes effect: the link is the only credential",
            EVERYONE,
            Probe::FnShows(fn_path::<ErasureLink>(), vec![("token", "inconnu".into())], "null"),
        ),
        row(
            &format!("POST {}", fn_path::<AddressLinkValid>()),
            "whether an address link still works: the link is the credential",
            EVERYONE,
            Probe::FnShows(fn_path::<AddressLinkValid>(), vec![("token", "inconnu".into())], "false"),
        ),
        row("GET /profil", "own profile", SIGNED_IN, Probe::PageOk("/profil".into())),
        row("GET /compte", "own account: address, password, devices", SIGNED_IN, Probe::PageShows("/compte".into(), "Appareils connectés")),
        row(
            "GET /compte/donnees/{id}",
            "download a data export: its owner only",
            &[AdherentS],
            Probe::PageOk("/compte/donnees/{export}".into()),
        ),
        row(
            &format!("POST {}", fn_path::<GetMyAccount>()),
            "own account data",
            SIGNED_IN,
            Probe::FnShows(fn_path::<GetMyAccount>(), vec![], "\"devices\""),
        ),
        row("GET /membres/{handle}", "public profile", EVERYONE, Probe::PageOk("/membres/{adele}".into())),
        row("GET /membres/{handle}", "a suspended member's page is gone", NOBODY, Probe::PageOk("/membres/{sam}".into())),
        row(
            "GET /trouver-ma-section",
            "find my section",
            EVERYONE,
            Probe::PageShows("/trouver-ma-section?code_postal=59000".into(), "/sections/lille"),
        ),
        row("GET /federations", "list", EVERYONE, Probe::PageOk("/federations".into())),
        row("GET /federations/{code}", "public page", EVERYONE, Probe::PageShows("/federations/59".into(), "Nord")),
        row("GET /federations/{code}", "newcomers without a section", FEDERATION_F, Probe::PageShows("/federations/59".into(), "Noé Loos")),
        row("GET /federations/{code}", "journal", FEDERATION_F, Probe::PageShows("/federations/59".into(), "journal-title")),
        row(
            "GET /federations/{code}",
            "role form",
            &[Admin],
            Probe::PageShows("/federations/59".into(), "action=\"/federations/59/equipe\""),
        ),
        row(
            "GET /federations/{code}/nouvelle-section",
            "creation form",
            FEDERATION_F,
            Probe::PageShows("/federations/59/nouvelle-section".into(), "action=\"/federations/59/sections\""),
        ),
        row("GET /sections/{slug}", "public page", EVERYONE, Probe::PageShows("/sections/lille".into(), "Sophie Secrétaire")),
        row("GET /sections/{slug}", "member directory", DIRECTORY, Probe::PageShows("/sections/lille".into(), "Adèle Annuaire")),
        row(
            "GET /sections/{slug}/annuaire",
            "the whole directory, searched",
            DIRECTORY,
            Probe::PageShows("/sections/lille/annuaire?q=ann".into(), "Adèle Annuaire"),
        ),
        row(
            &format!("POST {}", fn_path::<GetSectionDirectory>()),
            "directory pages",
            DIRECTORY,
            Probe::FnShows(fn_path::<GetSectionDirectory>(), vec![("slug", "lille".into()), ("search", "adèle".into())], "Adèle Annuaire"),
        ),
        row(
            "GET /sections/{slug}",
            "newcomers and claims",
            SECTION_TEAM_AND_ABOVE,
            Probe::PageShows("/sections/lille".into(), "action=\"/adhesions/"),
        ),
        row("GET /sections/{slug}", "journal", SECTION_TEAM_AND_ABOVE, Probe::PageShows("/sections/lille".into(), "journal-title")),
        row(
            "GET /sections/{slug}",
            "role form",
            FEDERATION_F,
            Probe::PageShows("/sections/lille".into(), "action=\"/sections/lille/equipe\""),
        ),
        row(
            "GET /sections/{slug}/modifier",
            "edit form",
            SECTION_TEAM_AND_ABOVE,
            Probe::PageShows("/sections/lille/modifier".into(), "action=\"/sections/lille/modifier\""),
        ),
        row(
            "GET /sections/{slug}/modifier",
            "commune controls",
            FEDERATION_F,
            Probe::PageShows("/sections/lille/modifier".into(), "name=\"add_communes\""),
        ),
        row("GET /a-propos", "credits", EVERYONE, Probe::PageShows("/a-propos".into(), "INSEE")),
        row("GET /confidentialite", "privacy notice", EVERYONE, Probe::PageShows("/confidentialite".into(), "Tes droits, ici même")),
        row(
            &format!("POST {}", fn_path::<GetPrivacyNotice>()),
            "privacy notice",
            EVERYONE,
            Probe::FnShows(fn_path::<GetPrivacyNotice>(), vec![], "\"retention_days\""),
        ),
        row("GET /admin/journal", "national journal", &[Admin], Probe::PageShows("/admin/journal".into(), "a suspendu le compte de")),
        row(
            &format!("POST {}", fn_path::<GetNationalJournal>()),
            "national journal data",
            &[Admin],
            Probe::FnShows(fn_path::<GetNationalJournal>(), vec![], "account_suspended"),
        ),
        row("GET /langue/{code}", "language switch", EVERYONE, Probe::Post("GET /langue/en?retour=%2F".into(), vec![])),
        row("GET /healthz", "health", EVERYONE, Probe::PageOk("/healthz".into())),
        // Operators only: a bearer token (not a person's role) opens it; see http.rs.
        row("GET /metrics", "metrics", NOBODY, Probe::PageOk("/metrics".into())),
        row(&format!("POST {}", fn_path::<GetCurrentUser>()), "who am I", EVERYONE, Probe::FnOk(fn_path::<GetCurrentUser>(), vec![])),
        row(&format!("POST {}", fn_path::<GetHome>()), "my home", SIGNED_IN, Probe::FnOk(fn_path::<GetHome>(), vec![])),
        row(&format!("POST {}", fn_path::<GetMyProfile>()), "own profile data", SIGNED_IN, Probe::FnOk(fn_path::<GetMyProfile>(), vec![])),
        row(
            &format!("POST {}", fn_path::<GetMemberProfile>()),
            "public profile data",
            EVERYONE,
            Probe::FnOk(fn_path::<GetMemberProfile>(), vec![("handle", "{adele}".into())]),
        ),
        row(
            &format!("POST {}", fn_path::<GetMemberProfile>()),
            "suspended profile data",
            NOBODY,
            Probe::FnOk(fn_path::<GetMemberProfile>(), vec![("handle", "{sam}".into())]),
        ),
        row(
            &format!("POST {}", fn_path::<FindSection>()),
            "find my section",
            EVERYONE,
            Probe::FnShows(fn_path::<FindSection>(), vec![("postal_code", "59000".into())], "lille"),
        ),
        row(
            &format!("POST {}", fn_path::<ListFederations>()),
            "federations",
            EVERYONE,
            Probe::FnShows(fn_path::<ListFederations>(), vec![], "Corse-du-Sud"),
        ),
        row(
            &format!("POST {get_federation}"),
            "public data",
            EVERYONE,
            Probe::FnShows(get_federation, vec![("code", "59".into())], "Nord"),
        ),
        row(
            &format!("POST {get_federation}"),
            "newcomers data",
            FEDERATION_F,
            Probe::FnShows(get_federation, vec![("code", "59".into())], "Noé Loos"),
        ),
        row(
            &format!("POST {get_section}"),
            "public data",
            EVERYONE,
            Probe::FnShows(get_section, vec![("slug", "lille".into())], "Sophie Secrétaire"),
        ),
        row(
            &format!("POST {get_section}"),
            "directory data",
            DIRECTORY,
            Probe::FnShows(get_section, vec![("slug", "lille".into())], "Adèle Annuaire"),
        ),
        row(
            &format!("POST {get_section}"),
            "newcomers data",
            SECTION_TEAM_AND_ABOVE,
            Probe::FnShows(get_section, vec![("slug", "lille".into())], "Ulysse Attente"),
        ),
        // The feed (fixtures in `feed_fixtures`).
        row("GET /fil", "home feed", SIGNED_IN, Probe::PageOk("/fil".into())),
        row("GET /fil", "coopains-only publication", ADELE_AND_COOPAIN, Probe::PageShows("/fil".into(), "MARQUE-COOPAINS")),
        row("GET /sections/{slug}/fil", "public publication", NOT_BLOCKED, Probe::PageShows("/sections/lille/fil".into(), "MARQUE-PUBLIC")),
        row(
            "GET /sections/{slug}/fil",
            "section-only publication",
            PEOPLE_OF_LILLE,
            Probe::PageShows("/sections/lille/fil".into(), "MARQUE-SECTION"),
        ),
        row(
            "GET /federations/{code}/fil",
            "federation-only publication",
            PEOPLE_OF_NORD,
            Probe::PageShows("/federations/59/fil".into(), "MARQUE-FEDERATION"),
        ),
        row(
            "GET /membres/{handle}/publications",
            "coopains-only publication",
            ADELE_AND_COOPAIN,
            Probe::PageShows("/membres/{adele}/publications".into(), "MARQUE-COOPAINS"),
        ),
        row(
            "GET /tags/{tag}",
            "hashtag of a section-only publication",
            PEOPLE_OF_LILLE,
            Probe::PageShows("/tags/lillois".into(), "MARQUE-SECTION"),
        ),
        row(
            "GET /publications/{id}",
            "public publication",
            NOT_BLOCKED,
            Probe::PageShows("/publications/{post_public}".into(), "MARQUE-PUBLIC"),
        ),
        row(
            "GET /publications/{id}",
            "private group's publication",
            PRIVATE_GROUP,
            Probe::PageShows("/publications/{post_group}".into(), "MARQUE-GROUPE"),
        ),
        row(
            "GET /medias/{key}/{file}",
            "public publication's picture",
            NOT_BLOCKED,
            Probe::PageOk("/medias/{picture_public}/150.webp".into()),
        ),
        row(
            "GET /medias/{key}/{file}",
            "section-only publication's picture",
            PEOPLE_OF_LILLE,
            Probe::PageOk("/medias/{picture_section}/150.jpg".into()),
        ),
        row(
            "GET /medias/{key}/{file}",
            "coopains-only publication's picture",
            ADELE_AND_COOPAIN,
            Probe::PageOk("/medias/{picture_coopains}/150.webp".into()),
        ),
        row(
            "GET /medias/{key}/{file}",
            "private group's publication's picture",
            PRIVATE_GROUP,
            Probe::PageOk("/medias/{picture_group}/150.webp".into()),
        ),
        row("GET /medias/{key}/{file}", "a person's avatar", EVERYONE, Probe::PageOk("/medias/{picture_avatar}/96.webp".into())),
        row("GET /medias/{key}/{file}", "a section's banner", EVERYONE, Probe::PageOk("/medias/{picture_section_banner}/480.jpg".into())),
        row(
            "GET /medias/{key}/{file}",
            "a private group's banner",
            PRIVATE_GROUP,
            Probe::PageOk("/medias/{picture_group_banner}/480.webp".into()),
        ),
        // Yesterday's public action: everyone sees its figures, its photos only who was there
        // (Sacha) and its team.
        row("GET /medias/{key}/{file}", "a compte-rendu's photo", REPORT_PHOTOS, Probe::PageOk("/medias/{picture_report}/150.jpg".into())),
        row("GET /groupes", "list", EVERYONE, Probe::PageShows("/groupes".into(), "Cercle privé")),
        row("GET /groupes", "a private group's member count", PRIVATE_GROUP, Probe::PageShows("/groupes".into(), "2 membres")),
        row("GET /groupes/nouveau", "creation form", EVERYONE, Probe::PageOk("/groupes/nouveau".into())),
        row(
            "GET /groupes/{slug}",
            "a private group's publications",
            PRIVATE_GROUP,
            Probe::PageShows("/groupes/cercle-prive".into(), "MARQUE-GROUPE"),
        ),
        row("GET /groupes/{slug}", "membership requests", &[AdherentS], Probe::PageShows("/groupes/cercle-prive".into(), "requests-title")),
        row("GET /coopains", "my coopains", SIGNED_IN, Probe::PageOk("/coopains".into())),
        row("GET /notifications", "my notifications", SIGNED_IN, Probe::PageOk("/notifications".into())),
        row("GET /api/flux", "live stream", SIGNED_IN, Probe::StreamOk("/api/flux".into())),
        row(
            &format!("POST {}", fn_path::<GetFeed>()),
            "home feed data",
            SIGNED_IN,
            Probe::FnOk(fn_path::<GetFeed>(), vec![("key", "Home".into())]),
        ),
        row(
            &format!("POST {}", fn_path::<GetFeed>()),
            "section-only data",
            PEOPLE_OF_LILLE,
            Probe::FnShows(fn_path::<GetFeed>(), vec![("key[Section]", "lille".into())], "MARQUE-SECTION"),
        ),
        row(
            &format!("POST {}", fn_path::<GetPost>()),
            "private group's publication data",
            PRIVATE_GROUP,
            Probe::FnShows(fn_path::<GetPost>(), vec![("id", "{post_group}".into())], "MARQUE-GROUPE"),
        ),
        row(
            &format!("POST {}", fn_path::<GetPostCounts>()),
            "counts of a coopains-only publication",
            ADELE_AND_COOPAIN,
            Probe::FnShows(fn_path::<GetPostCounts>(), vec![("ids[0]", "{post_coopains}".into())], "comment_count"),
        ),
        row(&format!("POST {}", fn_path::<GetCoopains>()), "my coopains data", SIGNED_IN, Probe::FnOk(fn_path::<GetCoopains>(), vec![])),
        row(
            &format!("POST {}", fn_path::<ListGroups>()),
            "groups",
            EVERYONE,
            Probe::FnShows(fn_path::<ListGroups>(), vec![], "Cercle privé"),
        ),
        row(
            &format!("POST {}", fn_path::<ListGroups>()),
            "a private group's member count",
            PRIVATE_GROUP,
            Probe::FnShows(fn_path::<ListGroups>(), vec![], "\"member_count\":2"),
        ),
        row(
            &format!("POST {}", fn_path::<GetActions>()),
            "a section action in the list",
            LILLE_AND_TEAM,
            Probe::FnShows(fn_path::<GetActions>(), vec![("filters[radius_km]", "1000".into())], "MARQUE-ACTION-SECTION"),
        ),
        row(
            &format!("POST {}", fn_path::<GetAction>()),
            "an adhérents action",
            NORD_ADHERENTS,
            Probe::FnShows(fn_path::<GetAction>(), vec![("id", "{action_members}".into())], "MARQUE-ACTION-ADHERENTS"),
        ),
        row(
            &format!("POST {}", fn_path::<GetAction>()),
            "a participant's shared e-mail",
            ACTION_TEAM,
            Probe::FnShows(fn_path::<GetAction>(), vec![("id", "{action_open}".into())], "sacha@example.fr"),
        ),
        row(
            &format!("POST {}", fn_path::<GetReportForm>()),
            "compte-rendu form data",
            ACTION_TEAM,
            Probe::FnOk(fn_path::<GetReportForm>(), vec![("id", "{action_past}".into())]),
        ),
        row(
            &format!("POST {}", fn_path::<GetSectionStatistics>()),
            "field statistics",
            LILLE_STATISTICS,
            Probe::FnShows(fn_path::<GetSectionStatistics>(), vec![("slug", "lille".into())], "\"tracts\":250"),
        ),
        row(
            &format!("POST {}", fn_path::<GetActionForm>()),
            "creation form data",
            GROUP_CREATORS,
            Probe::FnOk(fn_path::<GetActionForm>(), vec![]),
        ),
        row(
            &format!("POST {}", fn_path::<GetActionForm>()),
            "edit form data",
            ACTION_TEAM,
            Probe::FnOk(fn_path::<GetActionForm>(), vec![("id", "{action_public}".into())]),
        ),
        row(
            &format!("POST {}", fn_path::<GetGroup>()),
            "a private group's members",
            PRIVATE_GROUP,
            Probe::FnShows(fn_path::<GetGroup>(), vec![("slug", "cercle-prive".into())], "Olivier Autre"),
        ),
        row(
            &format!("POST {}", fn_path::<GetNotifications>()),
            "my notifications data",
            SIGNED_IN,
            Probe::FnOk(fn_path::<GetNotifications>(), vec![]),
        ),
        row(&format!("POST {}", fn_path::<GetUnreadCount>()), "unread count", EVERYONE, Probe::FnOk(fn_path::<GetUnreadCount>(), vec![])),
        // Writes last: they change state.
        row(
            "POST /publications",
            "publish",
            SPEAKERS,
            Probe::Post(
                "/publications".into(),
                fields(&[("form", "publier"), ("body", "Bonjour {n}"), ("audience_group", "public|"), ("retour", "/fil")]),
            ),
        ),
        row(
            "POST /publications/{id}/modifier",
            "edit",
            &[AdherentS],
            Probe::PostOnFresh("/publications/{fresh}/modifier".into(), fields(&[("form", "modifier"), ("body", "Modifiée")])),
        ),
        row(
            "POST /publications/{id}/supprimer",
            "delete",
            &[AdherentS],
            Probe::PostOnFresh("/publications/{fresh}/supprimer".into(), vec![]),
        ),
        row(
            "POST /publications/{id}/reactions",
            "react",
            SPEAKERS_NOT_BLOCKED,
            Probe::Post("/publications/{post_public}/reactions".into(), fields(&[("kind", "bravo")])),
        ),
        row(
            &format!("POST {}", fn_path::<ReactToPost>()),
            "react in place",
            SPEAKERS_NOT_BLOCKED,
            Probe::FnOk(fn_path::<ReactToPost>(), vec![("post_id", "{post_public}".into()), ("kind", "merci".into())]),
        ),
        row(
            &format!("POST {}", fn_path::<CommentOnPost>()),
            "comment in place",
            SPEAKERS_NOT_BLOCKED,
            Probe::FnOk(fn_path::<CommentOnPost>(), vec![("post_id", "{post_public}".into()), ("comment", "Bien vu {n}".into())]),
        ),
        row(
            "POST /publications/{id}/commentaires",
            "comment",
            SPEAKERS_NOT_BLOCKED,
            Probe::Post("/publications/{post_public}/commentaires".into(), fields(&[("form", "commenter"), ("comment", "Bien vu {n}")])),
        ),
        row(
            "POST /commentaires/{id}/supprimer",
            "delete a comment (its author, the publication's; moderators decide instead)",
            &[AdherentS, SecretaryS],
            Probe::PostOnFresh("/commentaires/{fresh_comment}/supprimer".into(), vec![]),
        ),
        row(
            "POST /coopains/{handle}",
            "coopain request",
            SIGNED_IN,
            Probe::Post("/coopains/noe-loos".into(), fields(&[("action", "demander")])),
        ),
        row(
            "POST /groupes",
            "create a group",
            GROUP_CREATORS,
            Probe::Post(
                "/groupes".into(),
                fields(&[
                    ("name", "Groupe matrice {n}"),
                    ("purpose", "Un objet assez long numéro {n}"),
                    ("privacy", "public"),
                    ("confirm", "oui"),
                ]),
            ),
        ),
        row(
            "POST /groupes/{slug}/adhesion",
            "join a public group",
            SIGNED_IN,
            Probe::Post("/groupes/velo-pour-tous/adhesion".into(), fields(&[("action", "rejoindre")])),
        ),
        row(
            "POST /groupes/{slug}/membres/{handle}",
            "answer a membership request",
            &[AdherentS],
            Probe::Post("/groupes/cercle-prive/membres/noe-loos".into(), fields(&[("decision", "accepter")])),
        ),
        // Field actions (Sophie's fixtures; Lille people see section actions, the federation's
        // confirmed adhérents see adhérent actions, the team above sees everything).
        row("GET /actions", "a public action", EVERYONE, Probe::PageShows("/actions?rayon=1000".into(), "MARQUE-ACTION-PUBLIQUE")),
        row("GET /actions", "a section action", LILLE_AND_TEAM, Probe::PageShows("/actions?rayon=1000".into(), "MARQUE-ACTION-SECTION")),
        row(
            "GET /actions",
            "an adhérents action",
            NORD_ADHERENTS,
            Probe::PageShows("/actions?rayon=1000".into(), "MARQUE-ACTION-ADHERENTS"),
        ),
        row("GET /actions/nouvelle", "creation form", GROUP_CREATORS, Probe::PageOk("/actions/nouvelle".into())),
        row(
            &format!("POST {}", fn_path::<LocateCommune>()),
            "the action form's commune on its map",
            GROUP_CREATORS,
            Probe::FnShows(fn_path::<LocateCommune>(), vec![("scope", String::new()), ("commune", "59000".into())], "\"lat\""),
        ),
        row("GET /mes-actions", "my actions", SIGNED_IN, Probe::PageOk("/mes-actions".into())),
        row(
            &format!("POST {}", fn_path::<GetOfflineForms>()),
            "forms kept offline",
            EVERYONE,
            Probe::FnOk(fn_path::<GetOfflineForms>(), vec![]),
        ),
        // Only the people who may report on yesterday's action keep its form (Sacha had a place,
        // Sophie organized it).
        row(
            &format!("POST {}", fn_path::<GetOfflineForms>()),
            "yesterday's compte-rendu form",
            &[SecretaryS],
            Probe::FnShows(fn_path::<GetOfflineForms>(), vec![], "compte-rendu"),
        ),
        // Only the person who answered and the organizer find an action among "their" actions.
        row(
            "GET /mes-actions",
            "an action I answered or organize",
            &[Sympathisant, SecretaryS],
            Probe::PageShows("/mes-actions".into(), "MARQUE-ACTION-OUVERTE"),
        ),
        row(
            &format!("POST {}", fn_path::<GetMyActions>()),
            "an action I answered or organize",
            &[Sympathisant, SecretaryS],
            Probe::FnShows(fn_path::<GetMyActions>(), vec![("older", String::new())], "MARQUE-ACTION-OUVERTE"),
        ),
        row(
            "GET /mes-actions",
            "a past action I took part in",
            &[Sympathisant, SecretaryS],
            Probe::PageShows("/mes-actions".into(), "MARQUE-ACTION-PASSEE"),
        ),
        row(
            "GET /actions/{id}",
            "a public action",
            EVERYONE,
            Probe::PageShows("/actions/{action_public}".into(), "MARQUE-ACTION-PUBLIQUE"),
        ),
        row(
            "GET /actions/{id}",
            "a section action",
            LILLE_AND_TEAM,
            Probe::PageShows("/actions/{action_section}".into(), "MARQUE-ACTION-SECTION"),
        ),
        row(
            "GET /actions/{id}",
            "an adhérents action",
            NORD_ADHERENTS,
            Probe::PageShows("/actions/{action_members}".into(), "MARQUE-ACTION-ADHERENTS"),
        ),
        row(
            "GET /actions/{id}",
            "a participant's shared e-mail",
            ACTION_TEAM,
            Probe::PageShows("/actions/{action_open}".into(), "sacha@example.fr"),
        ),
        row(
            "GET /actions/{id}",
            "who comes (first names)",
            &[Sympathisant, SecretaryS, FedRespF, Admin],
            Probe::PageShows("/actions/{action_open}".into(), "participants-titre"),
        ),
        // Participants see no profile links (first names of those who allowed it, a count).
        row(
            "GET /actions/{id}",
            "a participant's profile link",
            ACTION_TEAM,
            Probe::PageShows("/actions/{action_open}".into(), "href=\"/membres/sacha-sympathie\""),
        ),
        row(
            &format!("POST {}", fn_path::<GetAction>()),
            "a participant's handle",
            ACTION_TEAM,
            Probe::FnShows(fn_path::<GetAction>(), vec![("id", "{action_open}".into())], "\"handle\":\"sacha-sympathie\""),
        ),
        row(
            "GET /actions/{id}",
            "an invitation to co-organize",
            &[AdherentS],
            Probe::PageShows("/actions/{action_invite}".into(), "invitation-titre"),
        ),
        row(
            "GET /actions/{id}",
            "invitations not answered",
            ACTION_TEAM,
            Probe::PageShows("/actions/{action_invite}".into(), "pending-organizers"),
        ),
        row("GET /actions/{id}/modifier", "edit form", ACTION_TEAM, Probe::PageOk("/actions/{action_public}/modifier".into())),
        row(
            "GET /calendrier/action/{id}",
            "an action's .ics",
            LILLE_AND_TEAM,
            Probe::PageShows("/actions/{action_section}.ics".into(), "MARQUE-ACTION-SECTION"),
        ),
        row(
            "GET /calendrier/{token}",
            "a calendar feed (the secret is the key)",
            EVERYONE,
            Probe::PageShows("/calendrier/{calendar_token}".into(), "MARQUE-ACTION-OUVERTE"),
        ),
        row("GET /calendrier/{token}", "an unknown calendar", NOBODY, Probe::PageOk(format!("/calendrier/{}", "ab".repeat(32)))),
        row(
            "POST /actions",
            "create or propose",
            GROUP_CREATORS,
            Probe::Post("/actions".into(), action_form_fields("Action matrice {n}", "public", "")),
        ),
        row(
            "POST /actions/{id}/participation",
            "answer a public action",
            SIGNED_IN,
            Probe::Post("/actions/{action_open}/participation".into(), fields(&[("reponse", "oui")])),
        ),
        row(
            "POST /actions/{id}/participation",
            "answer an adhérents action",
            NORD_ADHERENTS,
            Probe::Post("/actions/{action_members}/participation".into(), fields(&[("reponse", "peut-etre")])),
        ),
        row(
            "POST /actions/{id}/organisation",
            "answer an invitation to co-organize",
            &[AdherentS],
            Probe::Post("/actions/{action_invite}/organisation".into(), fields(&[("decision", "refuser")])),
        ),
        row(
            "POST /actions/{id}/modifier",
            "edit",
            ACTION_TEAM,
            Probe::Post("/actions/{action_public}/modifier".into(), action_form_fields("MARQUE-ACTION-PUBLIQUE", "public", "2")),
        ),
        row(
            "POST /actions/{id}/annuler",
            "cancel",
            ACTION_TEAM,
            Probe::PostOnFreshAction("/actions/{fresh_action}/annuler".into(), fields(&[("reason", "Pluie annoncée")]), false),
        ),
        row(
            "POST /actions/{id}/approuver",
            "approve a proposal",
            ACTION_TEAM,
            Probe::PostOnFreshAction("/actions/{fresh_action}/approuver".into(), vec![], true),
        ),
        // Sophie wrote yesterday's compte-rendu: Sacha, who had a place, no longer may rewrite it.
        row(
            "GET /actions/{id}/compte-rendu",
            "the compte-rendu form",
            ACTION_TEAM,
            Probe::PageShows("/actions/{action_past}/compte-rendu".into(), "report-form"),
        ),
        row(
            "POST /actions/{id}/compte-rendu",
            "rewrite the compte-rendu",
            ACTION_TEAM,
            Probe::Post(
                "/actions/{action_past}/compte-rendu".into(),
                fields(&[("cle", "matrice-cle-{n}-0000"), ("tracts", "250"), ("present", "{n}"), ("notes", "NOTE-MATRICE")]),
            ),
        ),
        row(
            "POST /actions/{id}/compte-rendu",
            "a compte-rendu before the action",
            NOBODY,
            Probe::Post("/actions/{action_public}/compte-rendu".into(), fields(&[("cle", "matrice-tot-{n}-0000"), ("tracts", "1")])),
        ),
        row(
            "GET /actions/{id}",
            "the compte-rendu's figures",
            EVERYONE,
            Probe::PageShows("/actions/{action_past}".into(), "report-figures"),
        ),
        row("GET /actions/{id}", "the new contacts met", ACTION_TEAM, Probe::PageShows("/actions/{action_past}".into(), "CONTACT-MATRICE")),
        row(
            "GET /actions/{id}",
            "the compte-rendu's notes",
            ACTION_TEAM,
            Probe::PageShows("/actions/{action_past}".into(), "NOTE-MATRICE"),
        ),
        row(
            &format!("POST {}", fn_path::<GetAction>()),
            "the compte-rendu's notes",
            ACTION_TEAM,
            Probe::FnShows(fn_path::<GetAction>(), vec![("id", "{action_past}".into())], "NOTE-MATRICE"),
        ),
        row(
            "GET /sections/{slug}",
            "a section action in its list",
            LILLE_AND_TEAM,
            Probe::PageShows("/sections/lille".into(), "MARQUE-ACTION-SECTION"),
        ),
        row(
            "GET /federations/{code}",
            "an adhérents action in its list",
            NORD_ADHERENTS,
            Probe::PageShows("/federations/59".into(), "MARQUE-ACTION-ADHERENTS"),
        ),
        row(
            "GET /sections/{slug}/statistiques",
            "field statistics",
            LILLE_STATISTICS,
            Probe::PageShows("/sections/lille/statistiques".into(), "stats-table"),
        ),
        row(
            "POST /actions/calendrier",
            "make a calendar address",
            SIGNED_IN,
            Probe::Post("/actions/calendrier".into(), fields(&[("action", "creer")])),
        ),
        row("POST /notifications/lues", "mark all read", SIGNED_IN, Probe::Post("/notifications/lues".into(), vec![])),
        row("POST /notifications/{id}/lue", "mark one read", SIGNED_IN, Probe::Post("/notifications/1/lue".into(), vec![])),
        row(
            "POST /mot-de-passe-oublie",
            "ask for a link: the same answer for every address",
            EVERYONE,
            Probe::Post("/mot-de-passe-oublie".into(), fields(&[("email", "{unique}@example.fr")])),
        ),
        row(
            "POST /mot-de-passe/{token}",
            "a new password needs a link that works: nobody without one",
            &[],
            Probe::Post("/mot-de-passe/inconnu".into(), fields(&[("password", "un mot de passe solide")])),
        ),
        row(
            "POST /adresse/{token}",
            "proving an address needs a link that works: nobody without one",
            &[],
            Probe::Post("/adresse/inconnu".into(), vec![]),
        ),
        row(
            "POST /compte/adresse",
            "change my address (current password required)",
            SIGNED_IN,
            Probe::Post(
                "/compte/adresse".into(),
                fields(&[("email", "{unique}@example.fr"), ("email_current_password", "un mot de passe solide")]),
            ),
        ),
        row(
            "POST /compte/mot-de-passe",
            "change my password (current password required)",
            SIGNED_IN,
            Probe::Post(
                "/compte/mot-de-passe".into(),
                fields(&[("current_password", "un mot de passe solide"), ("password", "un mot de passe solide")]),
            ),
        ),
        row("POST /compte/donnees", "prepare my data", SIGNED_IN, Probe::Post("/compte/donnees".into(), fields(&[("form", "export")]))),
        row(
            "POST /compte/suppression/annuler",
            "keep my account (cancel my erasure)",
            SIGNED_IN,
            Probe::Post("/compte/suppression/annuler".into(), vec![]),
        ),
        row(
            "POST /compte/suppression",
            "erase my account needs my password: a wrong one is refused for everyone",
            &[],
            Probe::Post("/compte/suppression".into(), fields(&[("form", "suppression"), ("erasure_password", "pas le bon mot de passe")])),
        ),
        row(
            "POST /compte/consentements/accepter",
            "agree to the current consent text",
            SIGNED_IN,
            Probe::Post("/compte/consentements/accepter".into(), vec![]),
        ),
        row(
            "POST /compte/consentements/retirer",
            "withdrawing my consent needs my password: a wrong one is refused for everyone",
            &[],
            Probe::Post("/compte/consentements/retirer".into(), fields(&[("erasure_password", "pas le bon mot de passe")])),
        ),
        row(
            "POST /compte/garder/{token}",
            "cancelling an erasure needs a link that works: nobody without one",
            &[],
            Probe::Post("/compte/garder/inconnu".into(), vec![]),
        ),
        row(
            "POST /compte/appareils/{device}/deconnexion",
            "sign out a device that is not one's own: nobody",
            &[],
            Probe::Post("/compte/appareils/0000000000000000/deconnexion".into(), vec![]),
        ),
        row(
            "POST /adresse/renvoyer",
            "send my address link again",
            SIGNED_IN,
            Probe::Post("/adresse/renvoyer".into(), fields(&[("retour", "/")])),
        ),
        row(
            "POST /connexion",
            "sign in",
            EVERYONE,
            Probe::Post("/connexion".into(), fields(&[("email", "noe@example.fr"), ("password", "un mot de passe solide")])),
        ),
        row(
            "POST /inscription",
            "sign up",
            EVERYONE,
            Probe::Post(
                "/inscription".into(),
                fields(&[
                    ("display_name", "Nouvelle Personne"),
                    ("email", "{unique}@example.fr"),
                    ("password", "un mot de passe solide"),
                    ("postal_code", "62000"),
                    ("commune", "62041"),
                    ("membership", "sympathisant"),
                    ("consent", "oui"),
                    ("charte", "oui"),
                ]),
            ),
        ),
        row(
            "POST /profil",
            "edit own profile",
            SIGNED_IN,
            Probe::Post(
                "/profil".into(),
                fields(&[
                    ("display_name", "Même Nom"),
                    ("handle", "{self}"),
                    ("bio", ""),
                    ("status", "Statut"),
                    ("mandates", ""),
                    ("responsibilities", ""),
                    ("interests", ""),
                    ("bio_visibility", "section"),
                    ("status_visibility", "section"),
                    ("mandates_visibility", "section"),
                    ("responsibilities_visibility", "section"),
                    ("interests_visibility", "section"),
                    ("availabilities_visibility", "section"),
                ]),
            ),
        ),
        row(
            "POST /profil/commune",
            "move",
            SIGNED_IN,
            Probe::Post("/profil/commune".into(), fields(&[("form", "commune"), ("postal_code", "{own_postal}"), ("commune", "62041")])),
        ),
        row("POST /profil/adhesion", "claim adhérent status", SIGNED_IN, Probe::Post("/profil/adhesion".into(), vec![])),
        row("POST /profil/photo", "choose own avatar", SIGNED_IN, Probe::UploadPicture("/profil/photo".into())),
        row("POST /profil/photo/retirer", "remove own avatar", SIGNED_IN, Probe::Post("/profil/photo/retirer".into(), vec![])),
        row(
            "POST /sections/{slug}/banniere",
            "Lille's banner",
            SECTION_TEAM_AND_ABOVE,
            Probe::UploadPicture("/sections/lille/banniere".into()),
        ),
        row(
            "POST /sections/{slug}/banniere/retirer",
            "remove Lille's banner",
            SECTION_TEAM_AND_ABOVE,
            Probe::Post("/sections/lille/banniere/retirer".into(), vec![]),
        ),
        row(
            "POST /groupes/{slug}/banniere",
            "a group's banner",
            &[AdherentS],
            Probe::UploadPicture("/groupes/velo-pour-tous/banniere".into()),
        ),
        row(
            "POST /groupes/{slug}/banniere/retirer",
            "remove a group's banner",
            &[AdherentS],
            Probe::Post("/groupes/velo-pour-tous/banniere/retirer".into(), vec![]),
        ),
        row("POST /adhesions/{person_id}", "confirm a claim", SECTION_TEAM_AND_ABOVE, Probe::DecideClaim),
        row(
            "POST /federations/{code}/sections",
            "create a section",
            FEDERATION_F,
            Probe::Post(
                "/federations/59/sections".into(),
                fields(&[("name", "Section {n}"), ("slug", "section-{n}"), ("description", ""), ("communes", "({free_commune})")]),
            ),
        ),
        row(
            "POST /federations/{code}/equipe",
            "name a federation officer",
            &[Admin],
            Probe::Post(
                "/federations/59/equipe".into(),
                fields(&[("form", "equipe"), ("handle", "{noe}"), ("role", "federation_animator"), ("action", "nommer")]),
            ),
        ),
        row(
            "POST /sections/{slug}/modifier",
            "edit the section",
            SECTION_TEAM_AND_ABOVE,
            Probe::Post("/sections/lille/modifier".into(), fields(&[("name", "Lille"), ("description", "Modifiée")])),
        ),
        row(
            "POST /sections/{slug}/equipe",
            "name an animator",
            FEDERATION_F,
            Probe::Post(
                "/sections/lille/equipe".into(),
                fields(&[("form", "equipe"), ("handle", "{noe}"), ("role", "section_animator"), ("action", "nommer")]),
            ),
        ),
        // Moderation (fixtures in `moderation_fixtures`).
        row(
            "GET /signaler/{kind}/{key}",
            "the report form of a public publication: who sees it, but its author",
            REPORTERS_OF_ADELE,
            Probe::PageShows("/signaler/publication/{post_public}".into(), "name=\"category\""),
        ),
        row(
            "GET /signaler/{kind}/{key}",
            "the report form of a profile",
            &[Unconfirmed, Sympathisant, AdherentOther, SecretaryS, SecretaryOther, FedRespF, FedRespOther, Admin],
            Probe::PageShows("/signaler/profil/{adele}".into(), "name=\"category\""),
        ),
        row(
            &format!("POST {}", fn_path::<GetReportTarget>()),
            "a section publication's report form data",
            &[Unconfirmed, Sympathisant, SecretaryS],
            Probe::FnShows(
                fn_path::<GetReportTarget>(),
                vec![("kind", "publication".into()), ("key", "{post_section}".into())],
                "MARQUE-SECTION",
            ),
        ),
        row(
            "POST /signaler/{kind}/{key}",
            "report a comment (Sophie's, on Adèle's publication)",
            &[Unconfirmed, Sympathisant, AdherentS, SecretaryOther, FedRespF, FedRespOther, Admin],
            Probe::PostOnFresh("/signaler/commentaire/{fresh_comment}".into(), fields(&[("category", "harassment")])),
        ),
        row(
            "GET /signaler/{kind}/{key}",
            "report a message (Adèle's, to Sophie): its reader only",
            &[SecretaryS],
            Probe::PageShows("/signaler/message/{message_direct}".into(), "MARQUE-MESSAGE"),
        ),
        row(
            "POST /signaler/{kind}/{key}",
            "report a message (Adèle's, to Sophie): its reader only",
            &[SecretaryS],
            Probe::Post("/signaler/message/{message_direct}".into(), fields(&[("category", "harassment")])),
        ),
        row(
            "POST /moderer/{kind}/{key}",
            "take up a public publication (the national team's)",
            &[Admin],
            Probe::PostOnFresh("/moderer/publication/{fresh}".into(), fields(&[("form", "moderer")])),
        ),
        row(
            "POST /moderer/{kind}/{key}",
            "take up a comment on a public publication",
            &[Admin],
            Probe::PostOnFresh("/moderer/commentaire/{fresh_comment}".into(), fields(&[("form", "moderer")])),
        ),
        row(
            "POST /moderer/{kind}/{key}",
            "take up a federation publication (its federation's moderators)",
            &[FedRespF],
            Probe::Post("/moderer/publication/{post_federation}".into(), fields(&[("form", "moderer")])),
        ),
        // The suspension's link (its valid use: moderation_contract); a made-up one opens nothing.
        row(
            "GET /appel/{token}",
            "a suspension by a made-up link",
            NOBODY,
            Probe::PageShows("/appel/pas-un-lien".into(), "name=\"appeal\""),
        ),
        row(
            &format!("POST {}", fn_path::<GetSuspensionAppeal>()),
            "a suspension by a made-up link",
            NOBODY,
            Probe::FnOk(fn_path::<GetSuspensionAppeal>(), vec![("token", "pas-un-lien".into())]),
        ),
        row(
            "POST /appel/{token}",
            "appeal by a made-up link",
            NOBODY,
            Probe::Post("/appel/pas-un-lien".into(), fields(&[("appeal", "Je conteste cette suspension.")])),
        ),
        row("GET /moderation", "my queues", SIGNED_IN, Probe::PageOk("/moderation".into())),
        row(&format!("POST {}", fn_path::<GetMyQueues>()), "my queues", SIGNED_IN, Probe::FnOk(fn_path::<GetMyQueues>(), vec![])),
        row(
            "GET /moderation/{scope}",
            "Lille's queue",
            &[SecretaryS],
            Probe::PageShows("/moderation/section-lille".into(), "MARQUE-SECTION"),
        ),
        row(
            "GET /moderation/{scope}",
            "the federation's queue",
            &[FedRespF],
            Probe::PageShows("/moderation/federation-59".into(), "id=\"signalements\""),
        ),
        row(
            "GET /moderation/{scope}",
            "the national queue",
            &[Admin],
            Probe::PageShows("/moderation/national".into(), "id=\"signalements\""),
        ),
        row(
            &format!("POST {}", fn_path::<GetQueue>()),
            "Lille's queue data",
            &[SecretaryS],
            Probe::FnShows(fn_path::<GetQueue>(), vec![("scope", "section-lille".into())], "MARQUE-SECTION"),
        ),
        row(
            "GET /moderation/dossiers/{id}",
            "a case of Lille",
            &[SecretaryS],
            Probe::PageShows("/moderation/dossiers/{case}".into(), "MARQUE-SECTION"),
        ),
        row(
            &format!("POST {}", fn_path::<GetCase>()),
            "a case of Lille, data",
            &[SecretaryS],
            Probe::FnShows(fn_path::<GetCase>(), vec![("id", "{case}".into())], "MARQUE-SECTION"),
        ),
        row(
            "POST /moderation/dossiers/{id}",
            "decide on a case of Lille",
            &[SecretaryS],
            Probe::PostOnFreshCase(
                "/moderation/dossiers/{fresh_case}".into(),
                fields(&[("decision", "dismiss"), ("rule", "7"), ("reason", "Rien à redire")]),
                Stage::Open,
            ),
        ),
        row(
            "GET /moderation/decisions/{id}",
            "a decision and its reason: the person concerned and the national team",
            &[AdherentS, Admin],
            Probe::PageShows("/moderation/decisions/{decision}".into(), "MARQUE-MOTIF"),
        ),
        row(
            &format!("POST {}", fn_path::<GetDecision>()),
            "a decision's data",
            &[AdherentS, Admin],
            Probe::FnShows(fn_path::<GetDecision>(), vec![("id", "{decision}".into())], "MARQUE-MOTIF"),
        ),
        row(
            "POST /moderation/decisions/{id}/appel",
            "appeal a decision: the person concerned",
            &[AdherentS],
            Probe::PostOnFreshCase(
                "/moderation/decisions/{fresh_decision}/appel".into(),
                fields(&[("appeal", "Je conteste cette décision.")]),
                Stage::Decided,
            ),
        ),
        row(
            "POST /moderation/decisions/{id}/reponse",
            "answer an appeal: the scope above",
            &[FedRespF],
            Probe::PostOnFreshCase(
                "/moderation/decisions/{fresh_decision}/reponse".into(),
                fields(&[("outcome", "maintain"), ("reason", "La décision tient")]),
                Stage::Appealed,
            ),
        ),
        row(
            "GET /journal-de-moderation/{scope}",
            "Lille's journal",
            PEOPLE_OF_LILLE,
            Probe::PageOk("/journal-de-moderation/section-lille".into()),
        ),
        row(
            "GET /journal-de-moderation/{scope}",
            "the national journal",
            EVERYONE,
            Probe::PageShows("/journal-de-moderation/national".into(), "journal"),
        ),
        row(
            &format!("POST {}", fn_path::<GetJournal>()),
            "the federation's journal data",
            PEOPLE_OF_NORD_AND_TEAM,
            Probe::FnShows(fn_path::<GetJournal>(), vec![("scope", "federation-59".into())], "\"entries\""),
        ),
        row("GET /charte", "the charter", EVERYONE, Probe::PageShows("/charte".into(), "article-3")),
        row(
            &format!("POST {}", fn_path::<GetCharter>()),
            "the charter",
            EVERYONE,
            Probe::FnShows(fn_path::<GetCharter>(), vec![], "\"version\""),
        ),
        row("POST /charte", "accept the charter", SIGNED_IN, Probe::Post("/charte".into(), vec![])),
        row("POST /compte/vu", "read receipts on", SIGNED_IN, Probe::Post("/compte/vu".into(), fields(&[("vu", "oui")]))),
        row("GET /messages", "my conversations", SIGNED_IN, Probe::PageOk("/messages".into())),
        row(
            "GET /messages",
            "a conversation in the list",
            ADELE_AND_COOPAIN,
            Probe::PageShows("/messages".into(), "MARQUE-MESSAGE direct"),
        ),
        row("GET /messages", "a request in the list", PAUL_AND_SACHA, Probe::PageShows("/messages".into(), "MARQUE-DEMANDE")),
        row(
            "GET /messages/nouveau",
            "new conversation form",
            SPEAKERS,
            Probe::PageShows("/messages/nouveau".into(), "name=\"recipients\""),
        ),
        row(
            "GET /messages/{id}",
            "a conversation",
            ADELE_AND_COOPAIN,
            Probe::PageShows("/messages/{conv_direct}".into(), "MARQUE-MESSAGE"),
        ),
        row(
            "GET /messages/{id}",
            "a group conversation",
            ADELE_TEAM_TALK,
            Probe::PageShows("/messages/{conv_group}".into(), "MARQUE-CONVERSATION"),
        ),
        row("GET /messages/{id}", "a request", PAUL_AND_SACHA, Probe::PageShows("/messages/{conv_request}".into(), "MARQUE-DEMANDE")),
        row(
            &format!("POST {}", fn_path::<GetConversations>()),
            "my conversations data",
            ADELE_AND_COOPAIN,
            Probe::FnShows(fn_path::<GetConversations>(), vec![], "MARQUE-MESSAGE direct"),
        ),
        row(
            &format!("POST {}", fn_path::<GetThread>()),
            "a conversation's data",
            ADELE_TEAM_TALK,
            Probe::FnShows(fn_path::<GetThread>(), vec![("id", "{conv_group}".into())], "MARQUE-MESSAGE groupe"),
        ),
        row(
            &format!("POST {}", fn_path::<GetNewConversation>()),
            "may I start a conversation",
            SPEAKERS,
            Probe::FnShows(fn_path::<GetNewConversation>(), vec![], "Allowed"),
        ),
        row(
            &format!("POST {}", fn_path::<GetUnreadConversations>()),
            "messages badge count",
            EVERYONE,
            Probe::FnOk(fn_path::<GetUnreadConversations>(), vec![]),
        ),
        row(
            "POST /messages",
            "write to Adèle (not blocked by her)",
            REPORTERS_OF_ADELE,
            Probe::Post("/messages".into(), fields(&[("recipients", "{adele}"), ("body", "Bonjour Adèle")])),
        ),
        row(
            "POST /messages/{id}",
            "write in a conversation",
            ADELE_AND_COOPAIN,
            Probe::Post("/messages/{conv_direct}".into(), fields(&[("body", "Réponse {n}")])),
        ),
        row(
            "POST /messages/{id}/demande",
            "accept a request",
            SACHA,
            Probe::Post("/messages/{conv_request}/demande".into(), fields(&[("decision", "accepter")])),
        ),
        row(
            "POST /messages/{id}/sourdine",
            "mute a conversation",
            ADELE_TEAM_TALK,
            Probe::Post("/messages/{conv_group}/sourdine".into(), fields(&[("sourdine", "oui")])),
        ),
        row(
            "POST /messages/{id}/titre",
            "rename a group conversation",
            ADELE_TEAM_TALK,
            Probe::Post("/messages/{conv_group}/titre".into(), fields(&[("title", "MARQUE-CONVERSATION {n}")])),
        ),
        row(
            "POST /messages/{id}/quitter",
            "leave a conversation",
            ADELE_TEAM_TALK,
            Probe::Post("/messages/{conv_leave}/quitter".into(), vec![]),
        ),
        row(
            "GET /sections/{slug}/annonces",
            "Lille's annonces",
            SECTION_TEAM_AND_ABOVE,
            Probe::PageShows("/sections/lille/annonces".into(), "MARQUE-ANNONCE"),
        ),
        row(
            "GET /federations/{code}/annonces",
            "the federation's annonces",
            FEDERATION_F,
            Probe::PageShows("/federations/59/annonces".into(), "annonces-envoyees"),
        ),
        row("GET /annonces/{id}", "an annonce", ANNONCE_READERS, Probe::PageShows("/annonces/{annonce}".into(), "Réunion mardi")),
        row(
            "GET /desabonnement/{token}",
            "the unsubscribe page",
            EVERYONE,
            Probe::PageShows("/desabonnement/{unsubscribe}".into(), "action=\"/desabonnement/"),
        ),
        row(
            &format!("POST {}", fn_path::<GetAnnouncements>()),
            "Lille's annonces data",
            SECTION_TEAM_AND_ABOVE,
            Probe::FnShows(fn_path::<GetAnnouncements>(), vec![("kind", "section".into()), ("code", "lille".into())], "MARQUE-ANNONCE"),
        ),
        row(
            &format!("POST {}", fn_path::<GetAnnouncement>()),
            "an annonce's data",
            ANNONCE_READERS,
            Probe::FnShows(fn_path::<GetAnnouncement>(), vec![("id", "{annonce}".into())], "Réunion mardi"),
        ),
        row(
            &format!("POST {}", fn_path::<GetUnsubscribeLink>()),
            "an unsubscribe link",
            EVERYONE,
            Probe::FnShows(fn_path::<GetUnsubscribeLink>(), vec![("token", "{unsubscribe}".into())], "Valid"),
        ),
        row("POST /sections/{slug}/annonces", "write to Lille's people", LILLE_SECRETARY, Probe::Announce("/sections/lille/annonces")),
        row(
            "POST /federations/{code}/annonces",
            "write to the federation's people",
            FEDERATION_F,
            Probe::Announce("/federations/59/annonces"),
        ),
        row(
            "POST /compte/annonces",
            "annonces by e-mail on",
            SIGNED_IN,
            Probe::Post("/compte/annonces".into(), fields(&[("annonces", "oui")])),
        ),
        row("POST /desabonnement/{token}", "one-click unsubscribe", EVERYONE, Probe::Post("/desabonnement/{unsubscribe}".into(), vec![])),
        row("GET /sections/{slug}/votes", "Lille's votes", LILLE_AND_TEAM, Probe::PageShows("/sections/lille/votes".into(), "MARQUE-VOTE")),
        row(
            "GET /federations/{code}/votes",
            "the federation's votes",
            NORD_VOTES,
            Probe::PageShows("/federations/59/votes".into(), "votes-liste"),
        ),
        row("GET /boite-a-outils", "the toolbox", EVERYONE, Probe::PageOk("/boite-a-outils".into())),
        row(
            "GET /boite-a-outils",
            "a Lille members' document listed",
            PEOPLE_OF_LILLE,
            Probe::PageShows("/boite-a-outils".into(), "DOC-MEMBRES"),
        ),
        row(
            "GET /boite-a-outils",
            "a Lille adhérents' document listed",
            LILLE_ELECTORS,
            Probe::PageShows("/boite-a-outils".into(), "DOC-ADHERENTS"),
        ),
        row(
            "GET /boite-a-outils",
            "a Nord document listed",
            PEOPLE_OF_NORD_AND_TEAM,
            Probe::PageShows("/boite-a-outils".into(), "DOC-NORD"),
        ),
        row(
            &format!("POST {}", fn_path::<GetToolbox>()),
            "the toolbox's data",
            LILLE_ELECTORS,
            Probe::FnShows(fn_path::<GetToolbox>(), vec![("q", "doc adherents".into())], "DOC-ADHERENTS"),
        ),
        row("GET /boite-a-outils/nouveau", "the form that adds a document", TOOLBOX_TEAMS, Probe::PageOk("/boite-a-outils/nouveau".into())),
        row(
            "GET /boite-a-outils/{id}",
            "a members' document",
            LILLE_AND_TEAM,
            Probe::PageShows("/boite-a-outils/{doc_members}".into(), "DOC-MEMBRES"),
        ),
        row(
            "GET /boite-a-outils/{id}",
            "an adhérents' document",
            LILLE_STATISTICS,
            Probe::PageShows("/boite-a-outils/{doc_adherents}".into(), "DOC-ADHERENTS"),
        ),
        row(
            "GET /boite-a-outils/{id}",
            "a public document",
            EVERYONE,
            Probe::PageShows("/boite-a-outils/{doc_public}".into(), "DOC-PUBLIC"),
        ),
        row(
            "GET /boite-a-outils/{id}",
            "a federation's document",
            NORD_VOTES,
            Probe::PageShows("/boite-a-outils/{doc_federation}".into(), "DOC-NORD"),
        ),
        row(
            &format!("POST {}", fn_path::<GetDocument>()),
            "a document's data",
            LILLE_STATISTICS,
            Probe::FnShows(fn_path::<GetDocument>(), vec![("id", "{doc_adherents}".into())], "DOC-ADHERENTS"),
        ),
        row(
            &format!("POST {}", fn_path::<GetNewDocument>()),
            "the toolboxes one fills",
            TOOLBOX_TEAMS,
            Probe::FnOk(fn_path::<GetNewDocument>(), vec![]),
        ),
        row(
            "GET /boite-a-outils/fichiers/{key}/{name}",
            "a members' file",
            LILLE_AND_TEAM,
            Probe::PageOk("/boite-a-outils/fichiers/{doc_members_key}/doc-v1.pdf".into()),
        ),
        row(
            "GET /boite-a-outils/fichiers/{key}/{name}",
            "an adhérents' file",
            LILLE_STATISTICS,
            Probe::PageOk("/boite-a-outils/fichiers/{doc_adherents_key}/doc-v1.pdf".into()),
        ),
        row(
            "GET /boite-a-outils/fichiers/{key}/{name}",
            "a public file",
            EVERYONE,
            Probe::PageOk("/boite-a-outils/fichiers/{doc_public_key}/doc-v1.pdf".into()),
        ),
        row(
            "GET /boite-a-outils/fichiers/{key}/{name}",
            "a federation's file",
            NORD_VOTES,
            Probe::PageOk("/boite-a-outils/fichiers/{doc_federation_key}/doc-v1.pdf".into()),
        ),
        row(
            "POST /boite-a-outils",
            "add a document to Lille's toolbox",
            LILLE_SECRETARY,
            Probe::Upload(
                "/boite-a-outils".into(),
                fields(&[("portee", "{lille_scope}"), ("titre", "Ajout {n}"), ("categorie", "tract"), ("public", "membres")]),
            ),
        ),
        row(
            "POST /boite-a-outils/{id}/versions",
            "a new version of a Lille document",
            SECTION_TEAM_AND_ABOVE,
            Probe::Upload("/boite-a-outils/{doc_members}/versions".into(), fields(&[("note", "Version {n}")])),
        ),
        row(
            "POST /boite-a-outils/{id}/modifier",
            "edit a Lille document's details",
            SECTION_TEAM_AND_ABOVE,
            Probe::Post(
                "/boite-a-outils/{doc_members}/modifier".into(),
                fields(&[("form", "fiche"), ("titre", "DOC-MEMBRES"), ("categorie", "tract"), ("public", "membres")]),
            ),
        ),
        row(
            "POST /boite-a-outils/{id}/supprimer",
            "delete a Lille document",
            SECTION_TEAM_AND_ABOVE,
            Probe::PostOnFreshDocument("/boite-a-outils/{fresh_document}/supprimer".into()),
        ),
        row(
            "POST /boite-a-outils/{id}/actions",
            "attach a Lille document to Sophie's action",
            ACTION_TEAM,
            Probe::Post("/boite-a-outils/{doc_members}/actions".into(), fields(&[("action", "{action_public}")])),
        ),
        row(
            "POST /actions/{id}/documents/{document}/retirer",
            "take a document off Sophie's action",
            ACTION_TEAM,
            Probe::Post("/actions/{action_public}/documents/{doc_members}/retirer".into(), vec![]),
        ),
        row("GET /votes/{id}", "a vote", LILLE_AND_TEAM, Probe::PageShows("/votes/{vote_open}".into(), "MARQUE-VOTE open")),
        row(
            &format!("POST {}", fn_path::<GetVotes>()),
            "Lille's votes data",
            LILLE_AND_TEAM,
            Probe::FnShows(fn_path::<GetVotes>(), vec![("kind", "section".into()), ("code", "lille".into())], "MARQUE-VOTE"),
        ),
        row(
            &format!("POST {}", fn_path::<GetVote>()),
            "a vote's data",
            LILLE_AND_TEAM,
            Probe::FnShows(fn_path::<GetVote>(), vec![("id", "{vote_open}".into())], "MARQUE-VOTE open"),
        ),
        row(
            "POST /sections/{slug}/votes",
            "open a vote in Lille",
            LILLE_SECRETARY,
            Probe::Post(
                "/sections/lille/votes".into(),
                fields(&[("title", "Vote {n}"), ("kind", "oui_non"), ("closes_at", closes.as_str())]),
            ),
        ),
        row(
            "POST /federations/{code}/votes",
            "open a vote in the federation",
            FEDERATION_F,
            Probe::Post(
                "/federations/59/votes".into(),
                fields(&[("title", "Vote {n}"), ("kind", "oui_non"), ("closes_at", closes.as_str())]),
            ),
        ),
        row(
            "POST /votes/{id}",
            "vote (the electorate, once)",
            LILLE_ELECTORS,
            Probe::Vote("/votes/{vote_open}".into(), fields(&[("reponse", "non")])),
        ),
        row(
            "POST /votes/{id}/cloture",
            "close once everyone voted",
            LILLE_SECRETARY,
            Probe::Post("/votes/{vote_full}/cloture".into(), vec![]),
        ),
        row(
            "GET /votes/{id}/bulletins.csv",
            "a counted vote's ballots",
            VOTE_BALLOTS,
            Probe::PageShows("/votes/{vote_counted}/bulletins.csv".into(), "recu,choix"),
        ),
        row("GET /debats", "debates listed", EVERYONE, Probe::PageShows("/debats".into(), "MARQUE-DEBAT public")),
        row("GET /debats", "members' debates listed", PEOPLE_OF_LILLE, Probe::PageShows("/debats".into(), "MARQUE-DEBAT scope")),
        row(
            "GET /sections/{slug}/debats",
            "Lille's debates",
            LILLE_AND_TEAM,
            Probe::PageShows("/sections/lille/debats".into(), "MARQUE-DEBAT scope"),
        ),
        row(
            "GET /sections/{slug}/debats",
            "Lille's public debates",
            EVERYONE,
            Probe::PageShows("/sections/lille/debats".into(), "MARQUE-DEBAT public"),
        ),
        row(
            "GET /debats/{id}",
            "a members' debate",
            LILLE_AND_TEAM,
            Probe::PageShows("/debats/{debate_scope}".into(), "MARQUE-CONTRIBUTION"),
        ),
        row(
            "GET /federations/{code}/debats",
            "the federation's debate form (open or propose)",
            NORD_ADHERENTS,
            Probe::PageShows("/federations/59/debats".into(), "debate-form"),
        ),
        row(
            "GET /groupes/{slug}/debats",
            "a private group's debates",
            PRIVATE_GROUP,
            Probe::PageShows("/groupes/cercle-prive/debats".into(), "debats-liste"),
        ),
        row("GET /debats/{id}", "a public debate", EVERYONE, Probe::PageShows("/debats/{debate_public}".into(), "MARQUE-DEBAT public")),
        row(
            "GET /debats/{id}",
            "a proposed debate",
            DEBATE_PROPOSAL,
            Probe::PageShows("/debats/{debate_pending}".into(), "MARQUE-DEBAT attente"),
        ),
        row(
            &format!("POST {}", fn_path::<GetDebates>()),
            "debates listed data",
            EVERYONE,
            Probe::FnShows(fn_path::<GetDebates>(), vec![], "MARQUE-DEBAT public"),
        ),
        row(
            &format!("POST {}", fn_path::<GetScopeDebates>()),
            "Lille's debates data",
            LILLE_AND_TEAM,
            Probe::FnShows(fn_path::<GetScopeDebates>(), vec![("kind", "section".into()), ("code", "lille".into())], "MARQUE-DEBAT scope"),
        ),
        row(
            &format!("POST {}", fn_path::<GetDebate>()),
            "a debate's data",
            LILLE_AND_TEAM,
            Probe::FnShows(fn_path::<GetDebate>(), vec![("id", "{debate_scope}".into())], "MARQUE-CONTRIBUTION"),
        ),
        row(
            "POST /sections/{slug}/debats",
            "open (team) or propose (adhérent) a debate in Lille",
            DEBATE_OPENERS_LILLE,
            Probe::Post(
                "/sections/lille/debats".into(),
                fields(&[
                    ("title", "Débat {n}"),
                    ("description", "Une question à débattre"),
                    ("audience", "scope"),
                    ("closes_at", debate_closes.as_str()),
                ]),
            ),
        ),
        row(
            "POST /federations/{code}/debats",
            "open or propose a debate in the federation",
            NORD_ADHERENTS,
            Probe::Post(
                "/federations/59/debats".into(),
                fields(&[
                    ("title", "Débat {n}"),
                    ("description", "Une question à débattre"),
                    ("audience", "scope"),
                    ("closes_at", debate_closes.as_str()),
                ]),
            ),
        ),
        row(
            "POST /groupes/{slug}/debats",
            "open or propose a debate in a private group",
            PRIVATE_GROUP,
            Probe::Post(
                "/groupes/cercle-prive/debats".into(),
                fields(&[
                    ("title", "Débat {n}"),
                    ("description", "Une question à débattre"),
                    ("audience", "scope"),
                    ("closes_at", debate_closes.as_str()),
                ]),
            ),
        ),
        row(
            "POST /debats/{id}/validation",
            "approve a proposed debate",
            LILLE_SECRETARY,
            Probe::Post("/debats/{debate_pending}/validation".into(), vec![]),
        ),
        row(
            "POST /debats/{id}/contributions",
            "contribute",
            LILLE_SPEAKERS,
            Probe::Post("/debats/{debate_scope}/contributions".into(), fields(&[("stance", "nuance"), ("body", "Contribution {n}")])),
        ),
        row(
            "POST /debats/{id}/contributions",
            "reply",
            LILLE_SPEAKERS,
            Probe::Post("/debats/{debate_scope}/contributions".into(), fields(&[("parent", "{contribution}"), ("body", "Réponse {n}")])),
        ),
        row(
            "POST /debats/{id}/contributions/{c}/soutien",
            "support a contribution",
            LILLE_SPEAKERS,
            Probe::Post("/debats/{debate_scope}/contributions/{contribution}/soutien".into(), vec![]),
        ),
        row(
            "POST /debats/{id}/contributions/{c}/epingle",
            "pin a contribution",
            LILLE_SECRETARY,
            Probe::Post("/debats/{debate_scope}/contributions/{contribution}/epingle".into(), vec![]),
        ),
        row(
            "POST /debats/{id}/propositions",
            "propose",
            LILLE_SPEAKERS,
            Probe::Post(
                "/debats/{debate_scope}/propositions".into(),
                fields(&[("proposal_title", "Proposition {n}"), ("proposal_body", "")]),
            ),
        ),
        row(
            "POST /debats/{id}/propositions/{p}/soutien",
            "support a proposition",
            LILLE_SPEAKERS,
            Probe::Post("/debats/{debate_scope}/propositions/{proposal_b}/soutien".into(), vec![]),
        ),
        row(
            "POST /debats/{id}/propositions/{p}/retenue",
            "select a proposition",
            LILLE_SECRETARY,
            Probe::Post("/debats/{debate_scope}/propositions/{proposal_b}/retenue".into(), vec![]),
        ),
        row(
            "POST /debats/{id}/propositions/{p}/fusion",
            "merge a proposition",
            LILLE_SECRETARY,
            Probe::Post("/debats/{debate_scope}/propositions/{proposal_a}/fusion".into(), fields(&[("into", "{proposal_b}")])),
        ),
        row(
            "POST /debats/{id}/synthese",
            "write the synthèse (closes)",
            LILLE_SECRETARY,
            Probe::Post("/debats/{debate_synthesis}/synthese".into(), fields(&[("synthesis", "La synthèse du débat {n}")])),
        ),
        row("POST /deconnexion", "sign out", EVERYONE, Probe::Post("/deconnexion".into(), vec![])),
        row("POST /deconnexion-partout", "sign out everywhere", EVERYONE, Probe::Post("/deconnexion-partout".into(), vec![])),
    ]
}

fn fill(template: &str, world: &World, who: Who, n: usize) -> String {
    let post = |kind: &str| world.posts.get(kind).map(PostId::to_string).unwrap_or_default();
    let action = |kind: &str| world.actions.get(kind).map(ActionId::to_string).unwrap_or_default();
    template
        .replace("{post_public}", &post("public"))
        .replace("{post_group}", &post("group"))
        .replace("{post_coopains}", &post("coopains"))
        .replace("{post_section}", &post("section"))
        .replace("{post_federation}", &post("federation"))
        .replace("{picture_public}", &world.pictures["public"])
        .replace("{picture_section}", &world.pictures["section"])
        .replace("{picture_coopains}", &world.pictures["coopains"])
        .replace("{picture_group}", &world.pictures["group"])
        .replace("{picture_avatar}", &world.pictures["avatar"])
        .replace("{picture_section_banner}", &world.pictures["section_banner"])
        .replace("{picture_group_banner}", &world.pictures["group_banner"])
        .replace("{picture_report}", &world.pictures["report"])
        .replace("{action_public}", &action("public"))
        .replace("{action_open}", &action("open"))
        .replace("{action_section}", &action("section"))
        .replace("{action_members}", &action("members"))
        .replace("{action_past}", &action("past"))
        .replace("{action_invite}", &action("invite"))
        .replace("{calendar_token}", &world.calendar_token)
        .replace("{export}", &world.export_id.to_string())
        .replace("{case}", &world.case_id.to_string())
        .replace("{decision}", &world.decision_id.to_string())
        .replace("{conv_direct}", &world.conversations["direct"].to_string())
        .replace("{conv_group}", &world.conversations["group"].to_string())
        .replace("{conv_leave}", &world.conversations["leave"].to_string())
        .replace("{conv_request}", &world.conversations["request"].to_string())
        .replace("{message_direct}", &world.conversations["direct_message"].to_string())
        .replace("{annonce}", &world.announcement.0.to_string())
        .replace("{unsubscribe}", &world.announcement.1)
        .replace("{vote_open}", &world.votes["open"].to_string())
        .replace("{vote_full}", &world.votes["full"].to_string())
        .replace("{vote_counted}", &world.votes["counted"].to_string())
        .replace("{debate_scope}", &world.debates["scope"].to_string())
        .replace("{debate_public}", &world.debates["public"].to_string())
        .replace("{debate_pending}", &world.debates["pending"].to_string())
        .replace("{debate_synthesis}", &world.debates["synthesis"].to_string())
        .replace("{contribution}", &world.debates["contribution"].to_string())
        .replace("{proposal_a}", &world.debates["proposal_a"].to_string())
        .replace("{proposal_b}", &world.debates["proposal_b"].to_string())
        .replace("{doc_members}", &world.documents["members"].0.to_string())
        .replace("{doc_members_key}", &world.documents["members"].1)
        .replace("{doc_adherents}", &world.documents["adherents"].0.to_string())
        .replace("{doc_adherents_key}", &world.documents["adherents"].1)
        .replace("{doc_public}", &world.documents["public"].0.to_string())
        .replace("{doc_public_key}", &world.documents["public"].1)
        .replace("{doc_federation}", &world.documents["federation"].0.to_string())
        .replace("{doc_federation_key}", &world.documents["federation"].1)
        .replace("{lille_scope}", &world.lille_scope)
        .replace("{adele}", &world.handle(AdherentS))
        .replace("{sam}", &world.handle(Suspended))
        .replace("{noe}", "noe-loos")
        .replace("{self}", &world.handle(who))
        .replace("{own_postal}", &world.users.get(&who).map(|u| u.2.clone()).unwrap_or_default())
        .replace("{unique}", &format!("matrix-{n}"))
        .replace("{n}", &n.to_string())
        .replace("{free_commune}", world.free_communes.get(n % world.free_communes.len().max(1)).map(String::as_str).unwrap_or(""))
}

async fn observe(world: &World, probe: &Probe, who: Who, n: usize) -> bool {
    let cookie = world.cookie(who).await;
    let cookie = cookie.as_deref();
    match probe {
        Probe::PageOk(path) => send(&world.router, get(&fill(path, world, who, n), cookie)).await.status == StatusCode::OK,
        Probe::PageShows(path, marker) => {
            let reply = send(&world.router, get(&fill(path, world, who, n), cookie)).await;
            reply.status == StatusCode::OK && reply.body.contains(marker)
        }
        Probe::FnOk(path, args) | Probe::FnShows(path, args, _) => {
            let args: Vec<(String, String)> = args.iter().map(|(k, v)| (k.to_string(), fill(v, world, who, n))).collect();
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let reply = send(&world.router, post_form(path, &args, cookie, Some(ORIGIN))).await;
            let marker_ok = match probe {
                Probe::FnShows(_, _, marker) => reply.body.contains(marker),
                _ => true,
            };
            reply.status == StatusCode::OK && marker_ok
        }
        Probe::Post(path, body) => {
            if let Some(get_path) = path.strip_prefix("GET ") {
                return send(&world.router, get(get_path, cookie)).await.status == StatusCode::SEE_OTHER;
            }
            let body: Vec<(String, String)> = body.iter().map(|(k, v)| (k.clone(), fill(v, world, who, n))).collect();
            let body: Vec<(&str, &str)> = body.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let reply = send(&world.router, post_form(&fill(path, world, who, n), &body, cookie, Some(ORIGIN))).await;
            reply.status == StatusCode::SEE_OTHER && !reply.header(header::LOCATION).starts_with("/connexion")
        }
        Probe::StreamOk(path) => status_of(&world.router, get(path, cookie)).await.0 == StatusCode::OK,
        Probe::PostOnFreshAction(path, body, proposal) => {
            let id = world.fresh_action(*proposal).await;
            let path = path.replace("{fresh_action}", &id.to_string());
            let body: Vec<(String, String)> = body.iter().map(|(k, v)| (k.clone(), fill(v, world, who, n))).collect();
            let body: Vec<(&str, &str)> = body.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let reply = send(&world.router, post_form(&path, &body, cookie, Some(ORIGIN))).await;
            reply.status == StatusCode::SEE_OTHER && !reply.header(header::LOCATION).starts_with("/connexion")
        }
        Probe::PostOnFresh(path, body) => {
            let (post, comment) = world.fresh_post().await;
            let path = path.replace("{fresh}", &post.to_string()).replace("{fresh_comment}", &comment.to_string());
            let body: Vec<(String, String)> = body.iter().map(|(k, v)| (k.clone(), fill(v, world, who, n))).collect();
            let body: Vec<(&str, &str)> = body.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let reply = send(&world.router, post_form(&path, &body, cookie, Some(ORIGIN))).await;
            reply.status == StatusCode::SEE_OTHER && !reply.header(header::LOCATION).starts_with("/connexion")
        }
        Probe::PostOnFreshCase(path, body, stage) => {
            let (case, decision) = world.fresh_case(*stage).await;
            let path = path.replace("{fresh_case}", &case.to_string()).replace("{fresh_decision}", &decision.to_string());
            let body: Vec<(String, String)> = body.iter().map(|(k, v)| (k.clone(), fill(v, world, who, n))).collect();
            let body: Vec<(&str, &str)> = body.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let reply = send(&world.router, post_form(&path, &body, cookie, Some(ORIGIN))).await;
            reply.status == StatusCode::SEE_OTHER && !reply.header(header::LOCATION).starts_with("/connexion")
        }
        Probe::Upload(path, body) => {
            let body: Vec<(String, String)> = body.iter().map(|(k, v)| (k.clone(), fill(v, world, who, n))).collect();
            let mut parts: Vec<Part<'_>> = body.iter().map(|(k, v)| Part::Text(k, v)).collect();
            parts.push(Part::File("fichier", "tract.pdf", "application/pdf", testing_images::pdf(&format!("Version {n}"))));
            let reply = send(&world.router, multipart(&fill(path, world, who, n), parts, cookie)).await;
            reply.status == StatusCode::SEE_OTHER && !reply.header(header::LOCATION).starts_with("/connexion")
        }
        Probe::UploadPicture(path) => {
            let parts = vec![Part::Text("form", "photo"), Part::File("photo", "photo.png", "image/png", testing_images::png(120, 120))];
            let reply = send(&world.router, multipart(&fill(path, world, who, n), parts, cookie)).await;
            reply.status == StatusCode::SEE_OTHER && !reply.header(header::LOCATION).starts_with("/connexion")
        }
        Probe::PostOnFreshDocument(path) => {
            let id = world.fresh_document().await;
            let reply = send(&world.router, post_form(&path.replace("{fresh_document}", &id.to_string()), &[], cookie, Some(ORIGIN))).await;
            reply.status == StatusCode::SEE_OTHER && !reply.header(header::LOCATION).starts_with("/connexion")
        }
        Probe::Vote(path, body) => {
            let pairs: Vec<(&str, &str)> = body.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let reply = send(&world.router, post_form(&fill(path, world, who, n), &pairs, cookie, Some(ORIGIN))).await;
            reply.status == StatusCode::OK && reply.body.contains("recu-titre")
        }
        Probe::Announce(path) => {
            let mut body = vec![("segment", "all".to_string()), ("subject", format!("Annonce {n}")), ("body", "Texte".to_string())];
            let pairs: Vec<(&str, &str)> = body.iter().map(|(k, v)| (*k, v.as_str())).chain([("etape", "verifier")]).collect();
            let counted = send(&world.router, post_form(path, &pairs, cookie, Some(ORIGIN))).await;
            let Some(count) = counted.body.split("name=\"attendu\" value=\"").nth(1).and_then(|s| s.split('"').next()) else {
                return false;
            };
            body.push(("attendu", count.to_string()));
            let pairs: Vec<(&str, &str)> = body.iter().map(|(k, v)| (*k, v.as_str())).chain([("etape", "envoyer")]).collect();
            let reply = send(&world.router, post_form(path, &pairs, cookie, Some(ORIGIN))).await;
            reply.status == StatusCode::SEE_OTHER && reply.header(header::LOCATION).starts_with("/annonces/")
        }
        Probe::DecideClaim => {
            let email = format!("claim-{n}@example.fr");
            let target = sign_up(&world.state, &format!("Demande {n}"), &email, "59000", "adherent").await;
            let reply = send(
                &world.router,
                post_form(
                    &format!("/adhesions/{target}"),
                    &[("decision", "confirmer"), ("retour", "/sections/lille")],
                    cookie,
                    Some(ORIGIN),
                ),
            )
            .await;
            let status = store::users::by_id(&world.state.db, target).await.unwrap().unwrap().membership_status;
            let confirmed = status == "confirmed";
            if !confirmed {
                // Refusals look exactly like a person who does not exist (no hint of who is where).
                let ghost = send(
                    &world.router,
                    post_form("/adhesions/999999", &[("decision", "confirmer"), ("retour", "/")], cookie, Some(ORIGIN)),
                )
                .await;
                assert!(
                    reply.status == ghost.status || ghost.status.is_redirection(),
                    "{who:?}: refusal {} vs ghost {}",
                    reply.status,
                    ghost.status
                );
            }
            confirmed && reply.status == StatusCode::SEE_OTHER
        }
    }
}

/// Every route and server function that exists has at least one row.
fn assert_table_is_complete(rows: &[Row]) {
    let covered: BTreeSet<&str> = rows.iter().map(|r| r.route.as_str()).collect();
    let mut existing: BTreeSet<String> = BTreeSet::new();
    for listing in coopol_server::router::page_routes() {
        existing.insert(format!("GET {}", listing.path()));
    }
    for (method, path, _) in coopol_server::router::plain_routes() {
        existing.insert(format!("{method} {path}"));
    }
    for (path, method) in leptos::server_fn::axum::server_fn_paths() {
        existing.insert(format!("{method} {path}"));
    }
    let missing: Vec<&String> = existing.iter().filter(|r| !covered.contains(r.as_str())).collect();
    assert!(missing.is_empty(), "routes without a row in the authorization matrix: {missing:?}");
    let stale: Vec<&&str> = covered.iter().filter(|r| !existing.contains(**r)).collect();
    assert!(stale.is_empty(), "rows for routes that do not exist: {stale:?}");
}

async fn authorization_matrix(t: &TestDb) {
    let rows = table();
    assert_table_is_complete(&rows);
    let world = build_world(t).await;
    let mut failures = Vec::new();
    let mut cases = 0;
    for row in &rows {
        for &who in EVERYONE {
            cases += 1;
            if std::env::var_os("COOPOL_MATRIX_TRACE").is_some() {
                eprintln!("{} {} [{}] as {who:?}", t.db.backend_name(), row.route, row.aspect);
            }
            let allowed = observe(&world, &row.probe, who, cases).await;
            let expected = row.allowed.contains(&who);
            if allowed != expected {
                failures.push(format!(
                    "{} [{}] as {who:?}: expected {}, got {}",
                    row.route,
                    row.aspect,
                    if expected { "allow" } else { "deny" },
                    if allowed { "allow" } else { "deny" }
                ));
            }
        }
    }
    println!("authorization matrix: {cases} cases ({} rows × {} subjects) on {}", rows.len(), EVERYONE.len(), t.db.backend_name());
    assert!(failures.is_empty(), "{} of {cases} cases wrong:\n{}", failures.len(), failures.join("\n"));
}

/// Counts are public aggregates, identical for everyone, and count only confirmed adhérents.
async fn counts_and_directories_leak_nothing(t: &TestDb) {
    let world = build_world(t).await;
    let mut seen = BTreeSet::new();
    for &who in EVERYONE {
        let cookie = world.cookie(who).await;
        let reply = send(&world.router, get("/sections/lille", cookie.as_deref())).await;
        let counts = reply.body.split("class=\"counts\">").nth(1).and_then(|s| s.split('<').next()).unwrap_or("").to_string();
        seen.insert(counts);
    }
    assert_eq!(seen.len(), 1, "the counts are the same for every viewer: {seen:?}");
    // Lille: Adèle, Sophie confirmed (Sam suspended, Ulysse pending); Sacha and Véra (address not
    // proven yet: a member all the same) sympathisants.
    assert_eq!(seen.into_iter().next().unwrap(), "2 adhérent·es · 2 sympathisant·es");

    let admin = world.cookie(Admin).await;
    let reply = send(&world.router, post_form(fn_path::<GetSection>(), &[("slug", "lille")], admin.as_deref(), Some(ORIGIN))).await;
    let view: serde_json::Value = serde_json::from_str(&reply.body).expect("json");
    let names: Vec<&str> = view["directory"].as_array().expect("directory").iter().filter_map(|m| m["display_name"].as_str()).collect();
    assert!(names.contains(&"Adèle Annuaire") && names.contains(&"Sacha Sympathie"), "{names:?}");
    assert!(!names.contains(&"Ulysse Attente"), "pending claims are not in the directory");
    assert!(!names.contains(&"Sam Suspendu"), "suspended accounts are not in the directory");
    // The team sees whose address is not proven yet among newcomers; the directory never says.
    let unverified = |list: &str| -> Vec<String> {
        view[list]
            .as_array()
            .expect("list")
            .iter()
            .filter(|m| m["unverified"] == true)
            .filter_map(|m| m["display_name"].as_str().map(String::from))
            .collect()
    };
    assert_eq!(unverified("newcomers"), ["Véra Vérif"]);
    assert!(unverified("directory").is_empty());

    // A sympathisant gets no directory at all, not an empty one.
    let sympathisant = world.cookie(Sympathisant).await;
    let reply = send(&world.router, post_form(fn_path::<GetSection>(), &[("slug", "lille")], sympathisant.as_deref(), Some(ORIGIN))).await;
    let view: serde_json::Value = serde_json::from_str(&reply.body).expect("json");
    assert!(view["directory"].is_null() && view["newcomers"].is_null() && view["audit"].is_null());

    // A suspended account cannot sign in, and says so only after the right password.
    let reply = send(
        &world.router,
        post_form("/connexion", &[("email", "sam@example.fr"), ("password", "un mot de passe solide")], None, Some(ORIGIN)),
    )
    .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(reply.body.contains("Ce compte est suspendu"));
    let wrong = send(
        &world.router,
        post_form("/connexion", &[("email", "sam@example.fr"), ("password", "pas le bon mot de passe")], None, Some(ORIGIN)),
    )
    .await;
    assert!(wrong.body.contains("Adresse e-mail ou mot de passe incorrect."), "no hint without the password");
}

/// Method, path with `{id}`, form fields.
type IdProbe = (&'static str, String, Vec<(String, String)>);

/// Authorization comes before validation everywhere: for someone who may not see a publication or
/// an action, sending it a form (valid or not) answers exactly what the same form sent to one that
/// does not exist answers — no 422 that tells it exists, no error that tells what it holds.
async fn hidden_and_missing_answer_the_same(t: &TestDb) {
    let world = build_world(t).await;
    const MISSING: &str = "999999";
    let hidden_post = world.posts["group"].to_string();
    let hidden_action = world.actions["members"].to_string();
    // Adèle's group conversation with Sophie and Olivier.
    let hidden_conversation = world.conversations["group"].to_string();
    // Sophie's annonce to Lille's sympathisants (Sacha received it).
    let hidden_announcement = world.announcement.0.to_string();
    // Sophie's counted vote in Lille.
    let hidden_vote = world.votes["counted"].to_string();
    // Adèle's debate, proposed and not approved yet (her and Lille's team).
    let hidden_debate = world.debates["pending"].to_string();
    let bad_action = action_form_fields("", "public", "-3");
    let good_action = action_form_fields("Action renommée", "public", "");
    let probes: Vec<IdProbe> = vec![
        ("GET", "/publications/{id}".into(), vec![]),
        ("POST", "/publications/{id}/modifier".into(), fields(&[("form", "modifier"), ("body", "")])),
        ("POST", "/publications/{id}/modifier".into(), fields(&[("form", "modifier"), ("body", "Modifiée")])),
        ("POST", "/publications/{id}/supprimer".into(), vec![]),
        ("POST", "/moderer/publication/{id}".into(), fields(&[("form", "moderer")])),
        ("POST", "/publications/{id}/reactions".into(), fields(&[("kind", "inconnue")])),
        ("POST", "/publications/{id}/commentaires".into(), fields(&[("form", "commenter"), ("comment", "")])),
        ("GET", "/actions/{id}".into(), vec![]),
        ("GET", "/actions/{id}/modifier".into(), vec![]),
        ("GET", "/actions/{id}/compte-rendu".into(), vec![]),
        ("GET", "/actions/{id}.ics".into(), vec![]),
        ("POST", "/actions/{id}/modifier".into(), bad_action),
        ("POST", "/actions/{id}/modifier".into(), good_action),
        ("POST", "/actions/{id}/annuler".into(), fields(&[("reason", "")])),
        ("POST", "/actions/{id}/approuver".into(), vec![]),
        ("POST", "/actions/{id}/participation".into(), fields(&[("reponse", "jamais")])),
        ("POST", "/actions/{id}/compte-rendu".into(), fields(&[("cle", "x"), ("tracts", "-1")])),
        ("GET", "/messages/{id}".into(), vec![]),
        ("POST", "/messages/{id}".into(), fields(&[("body", "")])),
        ("POST", "/messages/{id}".into(), fields(&[("body", "Je m’invite")])),
        ("POST", "/messages/{id}/demande".into(), fields(&[("decision", "accepter")])),
        ("POST", "/messages/{id}/sourdine".into(), fields(&[("sourdine", "oui")])),
        ("POST", "/messages/{id}/titre".into(), fields(&[("title", "")])),
        ("POST", "/messages/{id}/quitter".into(), vec![]),
        ("GET", "/annonces/{id}".into(), vec![]),
        ("GET", "/votes/{id}".into(), vec![]),
        ("POST", "/votes/{id}".into(), fields(&[("reponse", "oui")])),
        ("POST", "/votes/{id}".into(), fields(&[("reponse", "peut-être")])),
        ("POST", "/votes/{id}/cloture".into(), vec![]),
        ("GET", "/votes/{id}/bulletins.csv".into(), vec![]),
        ("GET", "/debats/{id}".into(), vec![]),
        ("POST", "/debats/{id}/validation".into(), vec![]),
        ("POST", "/debats/{id}/contributions".into(), fields(&[("stance", "pour"), ("body", "Je m’invite")])),
        ("POST", "/debats/{id}/contributions".into(), fields(&[("stance", ""), ("body", "")])),
        ("POST", "/debats/{id}/propositions".into(), fields(&[("proposal_title", "Une idée")])),
        ("POST", "/debats/{id}/synthese".into(), fields(&[("synthesis", "")])),
        ("POST", "/debats/{id}/contributions/1/soutien".into(), vec![]),
    ];
    let mut failures = Vec::new();
    for who in [None, Some(Unconfirmed), Some(Sympathisant), Some(AdherentOther), Some(FedRespOther)] {
        let cookie = match who {
            Some(who) => world.cookie(who).await,
            None => None,
        };
        for (method, path, body) in &probes {
            let hidden = if path.starts_with("/publications") {
                &hidden_post
            } else if path.starts_with("/messages") {
                &hidden_conversation
            } else if path.starts_with("/annonces") {
                &hidden_announcement
            } else if path.starts_with("/votes") {
                &hidden_vote
            } else if path.starts_with("/debats") {
                &hidden_debate
            } else {
                &hidden_action
            };
            // Rémi (Roubaix, adhérent of the federation) sees the adhérents action; the private
            // group's publication is hidden from him.
            if who == Some(AdherentOther) && hidden == &hidden_action {
                continue;
            }
            if who == Some(Sympathisant) && hidden == &hidden_announcement {
                continue;
            }
            // Lille's people see Lille's votes.
            if matches!(who, Some(Unconfirmed | Sympathisant)) && hidden == &hidden_vote {
                continue;
            }
            let mut answers = Vec::new();
            for id in [hidden.as_str(), MISSING] {
                let url = path.replace("{id}", id);
                let pairs: Vec<(&str, &str)> = body.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                let request =
                    if *method == "GET" { get(&url, cookie.as_deref()) } else { post_form(&url, &pairs, cookie.as_deref(), Some(ORIGIN)) };
                let reply = send(&world.router, request).await;
                // The address itself first (sign-in links carry it encoded: "%2F" holds a "2").
                let location = reply.header(header::LOCATION).replace(&format!("%2F{id}"), "%2F{id}").replace(&format!("/{id}"), "/{id}");
                answers.push((reply.status, location));
            }
            if answers[0] != answers[1] {
                failures.push(format!("{method} {path} as {who:?}: hidden {:?}, missing {:?}", answers[0], answers[1]));
            }
        }
    }
    assert!(failures.is_empty(), "hidden and missing differ:\n{}", failures.join("\n"));
}

on_both_backends!(authorization_matrix, counts_and_directories_leak_nothing, hidden_and_missing_answer_the_same);
