-- staff_sessions.session_token now holds sha-256(token) in hex, and only the cookie keeps the raw
-- token: a read of this table (a backup, a replica, a query log) no longer gives anyone a session.
-- The rows written before held raw tokens, which never match a hash. They are removed, and staff
-- sign in once more.
DELETE FROM staff_sessions;
