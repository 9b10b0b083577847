//! La boîte à outils (issue 21): the reader's toolboxes, one document, the form that adds one.

pub mod get_document;
pub mod get_new_document;
pub mod get_toolbox;
