-- Release 2.0. From here on new migrations are named by timestamp (keel new with versioning: timestamp).
INSERT INTO settings (key, value) VALUES ('schema.release', '2.0');
