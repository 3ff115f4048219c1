INSERT INTO discount_codes (code, percent_off, max_uses, expires_at) VALUES ('LAUNCH2023', 50, 100, '2023-12-31');
INSERT INTO discount_codes (code, amount_off_cents, max_uses) VALUES ('FRIENDS-OF-TB', 500, NULL);
