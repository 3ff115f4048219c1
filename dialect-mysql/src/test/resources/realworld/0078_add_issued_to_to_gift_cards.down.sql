ALTER TABLE gift_cards DROP COLUMN issued_to;
