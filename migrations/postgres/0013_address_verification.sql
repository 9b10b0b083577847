-- Address verification (issue 17). An account's address is proven by a link sent to it: until
-- then `email` is the address typed at sign-up (the one Coopol writes to) and `email_normalized`,
-- the sign-in key that no two accounts share, is NULL. Several unverified accounts may therefore
-- claim one address, so sign-up never reveals whether an address has an account; the first to
-- open its link takes the address. Accounts created before verification existed count as
-- verified when they were created.
ALTER TABLE users ALTER COLUMN email_normalized DROP NOT NULL;
ALTER TABLE users ADD COLUMN email_verified_at BIGINT;
UPDATE users SET email_verified_at = created_at;
ALTER TABLE users ADD CONSTRAINT users_email_verified_check CHECK ((email_normalized IS NULL) = (email_verified_at IS NULL));

-- A link that proves an address carries that address: the one typed at sign-up, or a new one
-- (a change of address, verified before it replaces the old).
ALTER TABLE account_tokens ADD COLUMN email TEXT;
ALTER TABLE account_tokens DROP CONSTRAINT account_tokens_purpose_check;
ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_purpose_check
    CHECK (purpose IN ('password_reset', 'verify_email'));
ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_email_check
    CHECK ((purpose = 'verify_email') = (email IS NOT NULL));
