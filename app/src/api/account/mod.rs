pub mod address_link_valid;
pub mod erasure_link;
pub mod get_current_user;
pub mod get_home;
pub mod get_my_account;
pub mod get_my_consents;
pub mod get_privacy_notice;
pub mod reset_link_valid;
