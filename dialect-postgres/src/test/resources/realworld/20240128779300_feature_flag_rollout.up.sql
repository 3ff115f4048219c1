INSERT INTO feature_flags (key, description, enabled, rollout_pct)
VALUES ('wallet_payments', 'Wallet payments; 10% rollout', true, 10)
ON CONFLICT (key) DO UPDATE SET rollout_pct = EXCLUDED.rollout_pct;
