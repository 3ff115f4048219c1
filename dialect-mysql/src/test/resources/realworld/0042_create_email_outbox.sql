-- === UP MIGRATION ===
CREATE TABLE email_outbox (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  to_addr VARCHAR(190) NOT NULL,
  subject VARCHAR(200) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  status ENUM('queued','sent','failed') NOT NULL DEFAULT 'queued',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  sent_at DATETIME NULL,
  KEY email_outbox_status_ix (status, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- === DOWN MIGRATION ===
DROP TABLE IF EXISTS email_outbox;
