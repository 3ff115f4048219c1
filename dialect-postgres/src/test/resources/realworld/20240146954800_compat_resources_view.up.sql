CREATE VIEW resources AS SELECT * FROM spaces;
