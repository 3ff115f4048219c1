-- Migration: 0141
-- Description: archive sessions procedure
-- Author: platform-team

-- === UP MIGRATION ===
CREATE TABLE sessions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  user_agent  text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE PROCEDURE purge_expired_sessions(keep interval DEFAULT '7 days')
LANGUAGE plpgsql AS $proc$
BEGIN
  DELETE FROM sessions WHERE expires_at < now() - keep;
  RAISE NOTICE 'purged expired sessions older than %', keep;
END;
$proc$;

-- === DOWN MIGRATION ===
DROP PROCEDURE purge_expired_sessions(interval);
DROP TABLE sessions;
