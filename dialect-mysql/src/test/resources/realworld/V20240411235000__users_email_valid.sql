ALTER TABLE newsletter_subscribers ADD CONSTRAINT newsletter_email_chk CHECK (email LIKE '%_@_%');
