-- === UP MIGRATION ===
ALTER EVENT ev_purge_sessions ON SCHEDULE EVERY 30 MINUTE COMMENT 'every half hour since the login rework';

-- === DOWN MIGRATION ===
ALTER EVENT ev_purge_sessions ON SCHEDULE EVERY 1 HOUR COMMENT 'drops expired sessions; cheap';
