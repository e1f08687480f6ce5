-- staff_sessions.session_token now holds sha-256(token) in hex; the cookie keeps the raw token, so
-- a read of this table (a backup, a replica, a log of queries) no longer gives anyone a session.
-- The rows written before held raw tokens, which would never match a hash: they are removed, and
-- staff sign in once more.
DELETE FROM staff_sessions;
