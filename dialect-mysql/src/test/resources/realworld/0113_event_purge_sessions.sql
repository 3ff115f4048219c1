CREATE EVENT IF NOT EXISTS ev_purge_sessions
  ON SCHEDULE EVERY 1 HOUR
  COMMENT 'drops expired sessions; cheap'
  DO DELETE FROM sessions WHERE expires_at < NOW();
