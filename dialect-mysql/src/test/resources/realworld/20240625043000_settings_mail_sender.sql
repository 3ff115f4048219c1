INSERT INTO settings (k, v) VALUES ('mail.sender', 'Keel Shop <shop@example.invalid>')
  ON DUPLICATE KEY UPDATE v = VALUES(v);
