//! All SQL, by domain. Reads take `&Db` (read pool); writes take `&mut Tx` (a transaction).
//! Every statement is written once and runs on SQLite and PostgreSQL alike.

pub mod consents;
pub mod profiles;
pub mod rate_limits;
pub mod sessions;
pub mod users;
