INSERT INTO feature_flags (key, description, enabled) VALUES
  ('new_checkout', 'The rewritten checkout; it''s behind a flag until Q3', false),
  ('bookings', E'Resource booking module \u2014 beta', true),
  ('semicolons_in_text', 'a; b; c -- not a comment /* nor this */', false);
