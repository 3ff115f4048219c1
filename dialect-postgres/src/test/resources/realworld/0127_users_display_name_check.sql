-- Migration: 0127
-- Description: users display name check
-- Author: platform-team

-- === UP MIGRATION ===
ALTER TABLE users ADD CONSTRAINT users_display_name_present CHECK (display_name <> '') NOT VALID;

-- === DOWN MIGRATION ===
ALTER TABLE users DROP CONSTRAINT users_display_name_present;
