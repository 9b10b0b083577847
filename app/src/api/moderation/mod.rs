//! Moderation's server functions: the report form's item, the queues, a case, a decision, a
//! journal, the charter, a suspension read through its e-mail link.

pub mod get_case;
pub mod get_charter;
pub mod get_decision;
pub mod get_journal;
pub mod get_my_queues;
pub mod get_queue;
pub mod get_report_target;
pub mod get_suspension_appeal;
