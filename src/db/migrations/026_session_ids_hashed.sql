-- Sessions are stored under the SHA-256 of their id from now on (src/db/session-store.ts), no longer the id itself,
-- so a copy of the database cannot be used to sign in as anyone. The rows kept so far carry plain ids and could not
-- be found any more: they are removed, and whoever was signed in signs in once more.
DELETE FROM sessions;
