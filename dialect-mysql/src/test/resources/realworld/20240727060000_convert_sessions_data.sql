-- migrate:up
ALTER TABLE sessions MODIFY data MEDIUMBLOB NULL;

-- migrate:down
ALTER TABLE sessions MODIFY data BLOB NULL;

