ALTER TABLE api_tokens RENAME COLUMN scopes TO permissions;
