//! All SQL, by domain. Reads take `&Db` (read pool); writes take `&mut Tx` (a transaction).
//! Every statement is written once and runs on SQLite and PostgreSQL alike.

pub mod audit;
pub mod consents;
pub mod members;
pub mod profiles;
pub mod rate_limits;
pub mod roles;
pub mod sections;
pub mod sessions;
pub mod territory;
pub mod users;
