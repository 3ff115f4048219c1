-- Backfill: display names were optional before; derive one from the e-mail address.
UPDATE users SET display_name = split_part(email::text, '@', 1) WHERE display_name = '';
