CREATE PROCEDURE sp_archive_old_sessions()
  DELETE FROM sessions WHERE expires_at < NOW() - INTERVAL 30 DAY;
