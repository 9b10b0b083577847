//! Who writes annonces and who reads them (issue 19).
//!
//! A section's annonces are written by its secretary and animators; a federation's by its
//! responsables (first secretary, animators; national administrators everywhere). Writing needs a
//! proven address, like any speaking. The scope above reads a section's annonces (what was sent
//! in its name, to how many), never who received them. An annonce is read by its recipients and by
//! those who may read its scope's history; anyone else gets the answer a missing one gets.

use crate::server::policy::{SectionScope, Subject};

/// The scope of an annonce as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeFacts {
    Section(SectionScope),
    Federation(String),
}

/// Writing to the scope's people.
pub fn can_write(s: &Subject, scope: &ScopeFacts) -> bool {
    s.may_speak()
        && match scope {
            ScopeFacts::Section(section) => s.is_section_officer(section.id),
            ScopeFacts::Federation(code) => s.is_federation_responsable(code),
        }
}

/// The scope's page of sent annonces (what, when, by whom, to which segment, how many).
pub fn can_read_history(s: &Subject, scope: &ScopeFacts) -> bool {
    can_write(s, scope)
        || match scope {
            ScopeFacts::Section(section) => s.is_section_officer(section.id) || s.is_federation_responsable(&section.federation_code),
            ScopeFacts::Federation(code) => s.is_federation_responsable(code),
        }
}

/// One annonce: its recipients, and whoever reads its scope's history.
pub fn can_read(s: &Subject, scope: &ScopeFacts, received: bool) -> bool {
    (s.is_active() && received) || can_read_history(s, scope)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::SectionId;
    use crate::model::territory::{Role, Scope};

    fn lille() -> ScopeFacts {
        ScopeFacts::Section(SectionScope { id: SectionId(1), federation_code: "59".into() })
    }

    #[test]
    fn the_section_team_writes_the_federation_reads() {
        let secretary = Subject::for_tests(1, Some(1), Some("59"), true, vec![(Role::SectionSecretary, Scope::Section(1))]);
        let animator = Subject::for_tests(2, Some(1), Some("59"), true, vec![(Role::SectionAnimator, Scope::Section(1))]);
        let member = Subject::for_tests(3, Some(1), Some("59"), true, vec![]);
        let federal =
            Subject::for_tests(4, Some(9), Some("59"), true, vec![(Role::FederationFirstSecretary, Scope::Federation("59".into()))]);
        let other_federal =
            Subject::for_tests(5, Some(9), Some("62"), true, vec![(Role::FederationAnimator, Scope::Federation("62".into()))]);
        let moderator = Subject::for_tests(6, Some(1), Some("59"), true, vec![(Role::Moderator, Scope::Section(1))]);
        assert!(can_write(&secretary, &lille()) && can_write(&animator, &lille()));
        assert!(!can_write(&member, &lille()) && !can_write(&federal, &lille()) && !can_write(&moderator, &lille()));
        assert!(
            can_read_history(&federal, &lille()) && !can_read_history(&other_federal, &lille()) && !can_read_history(&member, &lille())
        );
        assert!(can_read(&member, &lille(), true) && !can_read(&member, &lille(), false));
        let nord = ScopeFacts::Federation("59".into());
        assert!(can_write(&federal, &nord) && !can_write(&secretary, &nord) && !can_write(&other_federal, &nord));
        assert!(!can_read(&Subject::anonymous(), &nord, true));
    }
}
