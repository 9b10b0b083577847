pub mod get_action;
pub mod get_action_form;
pub mod get_actions;
pub mod get_my_actions;
pub mod get_offline_forms;
pub mod get_report_form;
pub mod get_section_statistics;
pub mod locate_commune;
