pub mod get_member_profile;
pub mod get_my_profile;
