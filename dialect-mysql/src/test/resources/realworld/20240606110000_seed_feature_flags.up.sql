-- Migration: 20240606110000
-- Description: seed feature flags
-- Author: dev-bot
-- Date: 2024-08-12

INSERT INTO feature_flags (name, enabled, rollout_percent, description) VALUES
  ('new_checkout', 1, 25, 'one-page checkout; see SHOP-512'),
  ('reviews_v2', 0, 0, 'star widget -- not yet'),
  ('gift_cards', 1, 100, 'sell gift cards; "GC-" codes');
