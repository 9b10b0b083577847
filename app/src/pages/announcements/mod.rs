//! Annonces (issue 19): a scope's page (the form in two steps, what was sent), an annonce, the
//! unsubscribe page of annonce mails.

pub mod read;
pub mod scope;
pub mod unsubscribe;
