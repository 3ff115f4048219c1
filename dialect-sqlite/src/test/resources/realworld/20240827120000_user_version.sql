-- Other tools read PRAGMA user_version; keep it in step with the release (not part of the fingerprint).
PRAGMA user_version = 21;
