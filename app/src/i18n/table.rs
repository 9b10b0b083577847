//! `texts!`: a table of UI texts where each key is written once, with its type, its French and its
//! English. It declares the struct and its two instances, `FR` and `EN`, so a text missing in one
//! language does not compile, and keeps the French as written for the typography test
//! (`typography::tests`).
//!
//! Why a macro and not leptos_i18n: our texts are Rust values (functions for plurals, matches over
//! domain enums such as `FieldError`), checked by the compiler and free at run time; leptos_i18n
//! would move them to JSON/YAML files with their own plural and interpolation syntax, a build step,
//! and a runtime lookup in the WebAssembly. ARCHITECTURE.md, "Texts".

macro_rules! texts {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$field_meta:meta])* $field:ident : $ty:ty { fr: $fr:expr, en: $en:expr $(,)? } )*
        }
    ) => {
        $(#[$meta])*
        pub struct $name { $( $(#[$field_meta])* pub $field: $ty, )* }

        pub static FR: $name = $name { $( $field: $fr, )* };

        pub static EN: $name = $name { $( $field: $en, )* };

        /// Each key with its French as written in the source, for the typography test.
        #[cfg(test)]
        pub const FR_SOURCE: &[(&str, &str)] = &[$( (stringify!($field), stringify!($fr)) ),*];
    };
}
