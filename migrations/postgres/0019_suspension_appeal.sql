-- A suspended person cannot sign in, yet may appeal once (issue 18): the suspension's e-mail
-- carries a single-use link of purpose 'moderation_appeal', valid until the suspension ends.
ALTER TABLE account_tokens DROP CONSTRAINT account_tokens_purpose_check;
ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_purpose_check
    CHECK (purpose IN ('password_reset', 'verify_email', 'moderation_appeal'));
