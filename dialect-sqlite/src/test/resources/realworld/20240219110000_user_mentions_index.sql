CREATE INDEX user_mentions_user ON user_mentions (user_id);
