-- === UP MIGRATION ===
RENAME TABLE newsletter_subscribers TO subscribers;

-- === DOWN MIGRATION ===
RENAME TABLE subscribers TO newsletter_subscribers;
