pub mod get_current_user;
