//! `string_enum!`: a closed set of values stored and sent as short strings (`"tractage"`,
//! `"section"`…). One declaration gives the enum, `ALL`, `as_str`, `parse`, `choose` (a form's
//! choice, with the error to show), `Display`, serde as that same text, and on the server the sqlx `Type`/`Encode`/`Decode`
//! for both databases (a TEXT column; an unknown stored value is a decode error, never a guess).

macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$variant_meta:meta])* $variant:ident = $text:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $( $(#[$variant_meta])* $variant ),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(raw: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.as_str() == raw)
            }

            /// A form's choice: nothing chosen, or a value that is not one of ours, is refused.
            pub fn choose(raw: &str) -> Result<$name, $crate::model::form::FieldError> {
                match raw.trim() {
                    "" => Err($crate::model::form::FieldError::ChoiceRequired),
                    raw => Self::parse(raw).ok_or($crate::model::form::FieldError::InvalidChoice),
                }
            }
        }

        // The same text on the wire (server functions, a page's bundle of rows) as in the database.
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let raw = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                Self::parse(&raw).ok_or_else(|| serde::de::Error::unknown_variant(&raw, &[$($text),+]))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #[cfg(feature = "ssr")]
        impl<DB: sqlx::Database> sqlx::Type<DB> for $name
        where
            str: sqlx::Type<DB>,
        {
            fn type_info() -> DB::TypeInfo {
                <str as sqlx::Type<DB>>::type_info()
            }
            fn compatible(ty: &DB::TypeInfo) -> bool {
                <str as sqlx::Type<DB>>::compatible(ty)
            }
        }

        #[cfg(feature = "ssr")]
        impl<'q, DB: sqlx::Database> sqlx::Encode<'q, DB> for $name
        where
            &'q str: sqlx::Encode<'q, DB>,
        {
            fn encode_by_ref(
                &self,
                buf: &mut <DB as sqlx::Database>::ArgumentBuffer<'q>,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <&'q str as sqlx::Encode<'q, DB>>::encode(self.as_str(), buf)
            }
        }

        #[cfg(feature = "ssr")]
        impl<'r, DB: sqlx::Database> sqlx::Decode<'r, DB> for $name
        where
            &'r str: sqlx::Decode<'r, DB>,
        {
            fn decode(value: <DB as sqlx::Database>::ValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                let raw = <&'r str as sqlx::Decode<'r, DB>>::decode(value)?;
                Self::parse(raw).ok_or_else(|| format!("unknown {} {raw:?}", stringify!($name)).into())
            }
        }
    };
}

// Server-only enums (reminders) use it from outside `model`.
#[cfg_attr(not(feature = "ssr"), allow(unused_imports))]
pub(crate) use string_enum;
