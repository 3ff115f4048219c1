-- Migration: create feature_flags
CREATE TABLE feature_flags (

  key          text PRIMARY KEY,
  description  text NOT NULL,
  enabled      boolean NOT NULL DEFAULT false,
  rollout_pct  smallint NOT NULL DEFAULT 0 CHECK (rollout_pct BETWEEN 0 AND 100),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER feature_flags_set_updated_at BEFORE UPDATE ON feature_flags
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
