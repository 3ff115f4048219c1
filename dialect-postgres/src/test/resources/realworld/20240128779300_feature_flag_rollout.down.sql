DELETE FROM feature_flags WHERE key = 'wallet_payments';
