//! Moderation's server functions: the report form's item, the queues, a case, a decision, a
//! journal, the charter.

pub mod get_case;
pub mod get_charter;
pub mod get_decision;
pub mod get_journal;
pub mod get_my_queues;
pub mod get_queue;
pub mod get_report_target;
