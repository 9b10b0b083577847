pub mod find_section;
pub mod get_federation;
pub mod get_national_journal;
pub mod get_section;
pub mod get_section_directory;
pub mod list_federations;
