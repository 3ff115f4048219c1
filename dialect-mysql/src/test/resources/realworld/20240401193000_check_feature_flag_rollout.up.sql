ALTER TABLE feature_flags ADD CONSTRAINT feature_flags_rollout_chk CHECK (rollout_percent <= 100);
