//! Who may write to whom in private conversations, and who reads them (issue 19).
//!
//! A person may write directly to: the members of their section, their coopains, the members of a
//! group they share, the officers of their section and federation, and the organizers of an action
//! they answered. Anyone else receives the first message as a *demande* they accept or refuse (the
//! sender is never told of a refusal). A block, either way, ends everything: no message, no
//! request, and existing conversations disappear for both (`store::messages`, in SQL). Suspended
//! or restricted people start nothing. A conversation is read by its members, by those who left
//! up to where they left, and by the people a request waits for; written in by its members.

use crate::server::policy::Subject;

/// What links the sender to one recipient (`store::messages::contact_facts`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ContactFacts {
    /// The recipient's account exists and is not suspended.
    pub reachable: bool,
    pub blocked_either_way: bool,
    pub same_section: bool,
    pub coopains: bool,
    pub shared_group: bool,
    /// The recipient is an officer of the sender's section or federation.
    pub officer_of_sender: bool,
    /// The recipient organizes an action the sender answered.
    pub organizer_of_senders_action: bool,
}

/// How a first message reaches one recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// In their conversations, like any message.
    Direct,
    /// As a *demande* they accept or refuse.
    Request,
    /// Not at all (blocked either way, or no such person): the sender gets the answer an unknown
    /// handle gets, so a block is never revealed.
    Refused,
}

pub fn delivery(facts: &ContactFacts) -> Delivery {
    if !facts.reachable || facts.blocked_either_way {
        return Delivery::Refused;
    }
    let linked = facts.same_section || facts.coopains || facts.shared_group || facts.officer_of_sender || facts.organizer_of_senders_action;
    if linked {
        Delivery::Direct
    } else {
        Delivery::Request
    }
}

/// Starting a conversation: an active person with a proven address, under no moderation
/// restriction (`restricted`).
pub fn can_start(s: &Subject, restricted: bool) -> bool {
    s.may_speak() && !restricted
}

/// Writing in a conversation: an active person with a proven address who is a member of it
/// (`status` "active"). Someone a request waits for answers it first.
pub fn can_write(s: &Subject, status: &str) -> bool {
    s.may_speak() && is_member(s, status)
}

/// Leaving, muting, renaming a group: its members.
pub fn is_member(s: &Subject, status: &str) -> bool {
    s.is_active() && status == "active"
}

/// Accepting or refusing a request: the person it waits for.
pub fn may_answer_request(s: &Subject, status: &str) -> bool {
    s.is_active() && status == "request"
}

/// Reading it: its members, those who left (up to where they left) and the people a request
/// waits for; never after a refusal.
pub fn can_read(s: &Subject, status: &str) -> bool {
    s.is_active() && matches!(status, "active" | "left" | "request")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::territory::{Role, Scope};

    fn facts() -> ContactFacts {
        ContactFacts { reachable: true, ..ContactFacts::default() }
    }

    #[test]
    fn links_write_directly_strangers_ask_blocks_end_everything() {
        assert_eq!(delivery(&facts()), Delivery::Request, "a stranger gets a request");
        for linked in [
            ContactFacts { same_section: true, ..facts() },
            ContactFacts { coopains: true, ..facts() },
            ContactFacts { shared_group: true, ..facts() },
            ContactFacts { officer_of_sender: true, ..facts() },
            ContactFacts { organizer_of_senders_action: true, ..facts() },
        ] {
            assert_eq!(delivery(&linked), Delivery::Direct, "{linked:?}");
        }
        assert_eq!(delivery(&ContactFacts { coopains: true, blocked_either_way: true, ..facts() }), Delivery::Refused);
        assert_eq!(delivery(&ContactFacts { same_section: true, reachable: false, ..facts() }), Delivery::Refused);
    }

    #[test]
    fn members_write_requests_are_answered_first() {
        let s = Subject::for_tests(1, Some(7), Some("59"), true, vec![(Role::Moderator, Scope::Section(8))]);
        assert!(can_start(&s, false) && !can_start(&s, true), "a restriction stops new conversations");
        assert!(!can_start(&Subject::anonymous(), false));
        assert!(can_write(&s, "active") && !can_write(&s, "request") && !can_write(&s, "left"));
        assert!(is_member(&s, "active") && !is_member(&s, "left") && !is_member(&Subject::anonymous(), "active"));
        assert!(may_answer_request(&s, "request") && !may_answer_request(&s, "active"));
        assert!(can_read(&s, "left") && can_read(&s, "request") && !can_read(&s, "refused"));
    }
}
