//! Server-rendered form submissions (POST to the page's own URL). They work without JavaScript:
//! success answers 303 See Other; failure re-renders the same page with the input kept, one
//! message per field, and the matching status (422, 429…).

pub mod account;
pub mod actions;
pub mod address;
pub mod announcements;
pub mod debates;
pub mod documents;
pub mod feed;
pub mod lang;
pub mod membership;
pub mod messages;
pub mod moderation;
pub mod pictures;
pub mod profile;
pub mod recovery;
pub mod render;
pub mod sections;
pub mod signin;
pub mod signout;
pub mod signup;
pub mod social;
pub mod upload;
pub mod votes;
