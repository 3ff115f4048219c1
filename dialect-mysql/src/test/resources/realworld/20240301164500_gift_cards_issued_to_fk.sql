ALTER TABLE gift_cards ADD CONSTRAINT gift_cards_user_fk FOREIGN KEY (issued_to) REFERENCES users (id) ON DELETE SET NULL;
