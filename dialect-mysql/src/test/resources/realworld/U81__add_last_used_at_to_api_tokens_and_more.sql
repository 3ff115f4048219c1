ALTER TABLE feature_flags DROP COLUMN description;
ALTER TABLE api_tokens DROP COLUMN name;
ALTER TABLE api_tokens DROP COLUMN last_used_at;
