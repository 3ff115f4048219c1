-- Two months free when paying yearly.
UPDATE plans SET yearly_price_cents = monthly_price_cents * 10 WHERE monthly_price_cents > 0;
UPDATE feature_flags SET enabled = 1, rollout_pct = 100, note = note || '; GA since 0123' WHERE name = 'billing.yearly';
