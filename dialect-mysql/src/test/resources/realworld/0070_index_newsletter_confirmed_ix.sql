-- Needed for the new admin screens; safe online (instant ADD COLUMN).
CREATE INDEX newsletter_confirmed_ix ON newsletter_subscribers (confirmed, subscribed_at);
