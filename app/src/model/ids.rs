//! Typed ids: a `UserId` cannot be passed where an `ActionId` is expected, nor two ids swapped in a
//! store call. Each is an `i64` on the wire (serde transparent) and in the database (sqlx
//! transparent, both backends).

macro_rules! id_types {
    ($( $(#[$meta:meta])* $name:ident ),+ $(,)?) => { $(
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        #[cfg_attr(feature = "ssr", derive(sqlx::Type))]
        #[cfg_attr(feature = "ssr", sqlx(transparent))]
        pub struct $name(pub i64);

        impl $name {
            /// Matches no row (ids start at 1): the anonymous viewer of a query.
            pub const NONE: $name = $name(0);

            pub fn get(self) -> i64 {
                self.0
            }
        }

        // A DTO carries the bare number (the browser's side); comparing it with the typed id is
        // not mixing two kinds of ids.
        impl PartialEq<i64> for $name {
            fn eq(&self, other: &i64) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<$name> for i64 {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(raw: &str) -> Result<Self, Self::Err> {
                raw.parse().map($name)
            }
        }
    )+ };
}

id_types! {
    /// A person's account.
    UserId,
    /// A publication.
    PostId,
    /// A comment on a publication.
    CommentId,
    /// A field action.
    ActionId,
    /// A group.
    GroupId,
    /// A section.
    SectionId,
    /// A notification.
    NotificationId,
    /// A document of a toolbox.
    DocumentId,
}
