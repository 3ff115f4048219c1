ALTER TABLE gift_cards ADD CONSTRAINT gift_cards_balance_chk CHECK (balance >= 0);
