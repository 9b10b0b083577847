//! The HTML shell (server only) and the application's routes (both sides).

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::api::account::get_current_user::get_current_user;
use crate::components::lang::detect_lang;
use crate::components::layout::{CurrentUserResource, Layout};
use crate::pages::account::AccountPage;
use crate::pages::address::ConfirmAddressPage;
use crate::pages::announcements::{
    read::AnnouncementPage,
    scope::{FederationAnnouncementsPage, SectionAnnouncementsPage},
    unsubscribe::UnsubscribePage,
};
use crate::pages::consents::ConsentsPage;
use crate::pages::debates::{
    list::{DebatesPageAll, FederationDebatesPage, GroupDebatesPage, SectionDebatesPage},
    one::DebatePage,
};
use crate::pages::keep_account::KeepAccountPage;
use crate::pages::messages::{list::ConversationsPageView, new::NewConversationPage, thread::ThreadPageView};
use crate::pages::moderation::{
    case::CasePage, charter::CharterPage, decision::DecisionPage, decision::SuspensionAppealPage, journal::JournalPageView,
    queues::MyQueuesPage, queues::QueuePageView, report::ReportItemPage,
};
use crate::pages::privacy::PrivacyPage;
use crate::pages::recovery::{ForgotPasswordPage, ResetPasswordPage};
use crate::pages::toolbox::{document::DocumentPageView, list::ToolboxListPage, new::NewDocumentPageView};
use crate::pages::votes::{
    one::VotePage,
    scope::{FederationVotesPage, SectionVotesPage},
};
use crate::pages::{
    about::AboutPage, edit_section::EditSectionPage, federation::FederationPage, federations::FederationsPage,
    find_section::FindSectionPage, home::HomePage, member::MemberPage, national_journal::NationalJournalPage, new_section::NewSectionPage,
    not_found::NotFound, profile::ProfilePage, section::SectionPage, signin::SignInPage, signup::SignUpPage,
};
use crate::pages::{
    action::ActionPage,
    action_form::{EditActionPage, NewActionPage},
    actions::ActionsListPage,
    coopains::CoopainsPage,
    feed::{FederationFeedPage, HomeFeedPage, MemberFeedPage, SectionFeedPage, TagFeedPage},
    groups::{GroupPage, GroupsPage, NewGroupPage},
    my_actions::MyActionsPageView,
    notifications::NotificationsPageView,
    post::PostPageView,
    report::ReportPage,
    section_directory::SectionDirectoryPage,
    section_statistics::SectionStatisticsPage,
};

/// The document around the app. The CSP nonce and the language come from the request.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    // Islands: the page is not hydrated, only its `#[island]`s are (they opt back in).
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    #[cfg(feature = "ssr")]
    if let Some(nonce) = use_context::<http::request::Parts>().and_then(|parts| parts.extensions.get::<leptos::nonce::Nonce>().cloned()) {
        provide_context(nonce);
    }
    let lang = detect_lang();
    // The address this page was rendered for. A refused form post answers with its page rendered
    // at the post's address (`/publications` shows `/fil`): the browser learns the page's own
    // address from here before hydrating, so its router draws the same page (see `frontend`).
    #[cfg(feature = "ssr")]
    let rendered_at = use_context::<http::request::Parts>()
        .and_then(|parts| parts.uri.path_and_query().map(|pq| pq.as_str().to_string()))
        .unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    let rendered_at = String::new();
    // Who is signed in, for the phone's queue of comptes-rendus: it only ever sends an account's
    // items while that account is signed in (public/offline-report.js).
    #[cfg(feature = "ssr")]
    let account = use_context::<http::request::Parts>()
        .and_then(|parts| crate::server::context::subject_of(&parts.extensions).user.map(|u| u.id.to_string()))
        .unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    let account = String::new();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
                <meta name="color-scheme" content="light dark" />
                <meta name="theme-color" content="#b5122b" />
                <meta name="description" content=lang.texts().tagline />
                <meta name="coopol-page" content=rendered_at />
                <meta name="coopol-account" content=account.clone() />
                <link rel="manifest" href="/manifest.webmanifest" />
                <link rel="icon" href="/icons/logo.svg" type="image/svg+xml" />
                <link rel="apple-touch-icon" href="/icons/icon-192.png" />
                <HashedStylesheet options=options.clone() id="leptos" />
                <script src="/register-sw.js" defer></script>
                <script src="/offline-report.js" defer></script>
                <script src="/field-map.js" defer></script>
                // The live stream and the notifications badge, for a signed-in person only.
                {(!account.is_empty()).then(|| view! { <script src="/live.js" defer></script> })}
                <AutoReload options=options.clone() />
                <crate::components::islands::IslandScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Every page's `<title>`: "{page} · Coopol". leptos_meta 0.8.7 writes the server's `<title>`
/// as it is, so the server escapes it here, the one place every title goes through (a display
/// name such as `</title><meta http-equiv=refresh …>` must stay text). In the browser the title
/// is set as `document.title`, text already: not escaped there.
fn page_title(page: String) -> String {
    let title = if page.is_empty() { "Coopol".to_string() } else { format!("{page} · Coopol") };
    #[cfg(feature = "ssr")]
    let title = crate::components::form::escape_text(&title);
    title
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(detect_lang());
    let user = OnceResource::new_blocking(async move { get_current_user().await.ok().flatten() });
    provide_context(CurrentUserResource(user));

    view! {
        <Title formatter=page_title />
        <Router>
            <Layout>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/inscription") view=SignUpPage ssr=SsrMode::Async />
                    <Route path=path!("/connexion") view=SignInPage ssr=SsrMode::Async />
                    <Route path=path!("/mot-de-passe-oublie") view=ForgotPasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/mot-de-passe/:token") view=ResetPasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/adresse/:token") view=ConfirmAddressPage ssr=SsrMode::Async />
                    <Route path=path!("/profil") view=ProfilePage ssr=SsrMode::Async />
                    <Route path=path!("/compte") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/compte/garder/:token") view=KeepAccountPage ssr=SsrMode::Async />
                    <Route path=path!("/compte/consentements") view=ConsentsPage ssr=SsrMode::Async />
                    <Route path=path!("/confidentialite") view=PrivacyPage ssr=SsrMode::Async />
                    <Route path=path!("/membres/:handle") view=MemberPage ssr=SsrMode::Async />
                    <Route path=path!("/trouver-ma-section") view=FindSectionPage ssr=SsrMode::Async />
                    <Route path=path!("/federations") view=FederationsPage ssr=SsrMode::Async />
                    <Route path=path!("/federations/:code") view=FederationPage ssr=SsrMode::Async />
                    <Route path=path!("/federations/:code/nouvelle-section") view=NewSectionPage ssr=SsrMode::Async />
                    <Route path=path!("/sections/:slug") view=SectionPage ssr=SsrMode::Async />
                    <Route path=path!("/sections/:slug/modifier") view=EditSectionPage ssr=SsrMode::Async />
                    <Route path=path!("/a-propos") view=AboutPage ssr=SsrMode::Async />
                    <Route path=path!("/fil") view=HomeFeedPage ssr=SsrMode::Async />
                    <Route path=path!("/sections/:slug/fil") view=SectionFeedPage ssr=SsrMode::Async />
                    <Route path=path!("/federations/:code/fil") view=FederationFeedPage ssr=SsrMode::Async />
                    <Route path=path!("/membres/:handle/publications") view=MemberFeedPage ssr=SsrMode::Async />
                    <Route path=path!("/tags/:tag") view=TagFeedPage ssr=SsrMode::Async />
                    <Route path=path!("/publications/:id") view=PostPageView ssr=SsrMode::Async />
                    <Route path=path!("/groupes") view=GroupsPage ssr=SsrMode::Async />
                    <Route path=path!("/groupes/nouveau") view=NewGroupPage ssr=SsrMode::Async />
                    <Route path=path!("/groupes/:slug") view=GroupPage ssr=SsrMode::Async />
                    <Route path=path!("/coopains") view=CoopainsPage ssr=SsrMode::Async />
                    <Route path=path!("/notifications") view=NotificationsPageView ssr=SsrMode::Async />
                    <Route path=path!("/messages") view=ConversationsPageView ssr=SsrMode::Async />
                    <Route path=path!("/messages/nouveau") view=NewConversationPage ssr=SsrMode::Async />
                    <Route path=path!("/messages/:id") view=ThreadPageView ssr=SsrMode::Async />
                    <Route path=path!("/sections/:slug/annonces") view=SectionAnnouncementsPage ssr=SsrMode::Async />
                    <Route path=path!("/federations/:code/annonces") view=FederationAnnouncementsPage ssr=SsrMode::Async />
                    <Route path=path!("/annonces/:id") view=AnnouncementPage ssr=SsrMode::Async />
                    <Route path=path!("/sections/:slug/votes") view=SectionVotesPage ssr=SsrMode::Async />
                    <Route path=path!("/federations/:code/votes") view=FederationVotesPage ssr=SsrMode::Async />
                    <Route path=path!("/votes/:id") view=VotePage ssr=SsrMode::Async />
                    <Route path=path!("/boite-a-outils") view=ToolboxListPage ssr=SsrMode::Async />
                    <Route path=path!("/boite-a-outils/nouveau") view=NewDocumentPageView ssr=SsrMode::Async />
                    <Route path=path!("/boite-a-outils/:id") view=DocumentPageView ssr=SsrMode::Async />
                    <Route path=path!("/debats") view=DebatesPageAll ssr=SsrMode::Async />
                    <Route path=path!("/debats/:id") view=DebatePage ssr=SsrMode::Async />
                    <Route path=path!("/sections/:slug/debats") view=SectionDebatesPage ssr=SsrMode::Async />
                    <Route path=path!("/federations/:code/debats") view=FederationDebatesPage ssr=SsrMode::Async />
                    <Route path=path!("/groupes/:slug/debats") view=GroupDebatesPage ssr=SsrMode::Async />
                    <Route path=path!("/desabonnement/:token") view=UnsubscribePage ssr=SsrMode::Async />
                    <Route path=path!("/actions") view=ActionsListPage ssr=SsrMode::Async />
                    <Route path=path!("/mes-actions") view=MyActionsPageView ssr=SsrMode::Async />
                    <Route path=path!("/actions/nouvelle") view=NewActionPage ssr=SsrMode::Async />
                    <Route path=path!("/actions/:id") view=ActionPage ssr=SsrMode::Async />
                    <Route path=path!("/actions/:id/modifier") view=EditActionPage ssr=SsrMode::Async />
                    <Route path=path!("/actions/:id/compte-rendu") view=ReportPage ssr=SsrMode::Async />
                    <Route path=path!("/sections/:slug/statistiques") view=SectionStatisticsPage ssr=SsrMode::Async />
                    <Route path=path!("/sections/:slug/annuaire") view=SectionDirectoryPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/journal") view=NationalJournalPage ssr=SsrMode::Async />
                    <Route path=path!("/signaler/:kind/:key") view=ReportItemPage ssr=SsrMode::Async />
                    <Route path=path!("/moderation") view=MyQueuesPage ssr=SsrMode::Async />
                    <Route path=path!("/moderation/:scope") view=QueuePageView ssr=SsrMode::Async />
                    <Route path=path!("/moderation/dossiers/:id") view=CasePage ssr=SsrMode::Async />
                    <Route path=path!("/moderation/decisions/:id") view=DecisionPage ssr=SsrMode::Async />
                    <Route path=path!("/appel/:token") view=SuspensionAppealPage ssr=SsrMode::Async />
                    <Route path=path!("/journal-de-moderation/:scope") view=JournalPageView ssr=SsrMode::Async />
                    <Route path=path!("/charte") view=CharterPage ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}
