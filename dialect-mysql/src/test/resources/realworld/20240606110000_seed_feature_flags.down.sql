DELETE FROM feature_flags WHERE name IN ('new_checkout', 'reviews_v2', 'gift_cards');
