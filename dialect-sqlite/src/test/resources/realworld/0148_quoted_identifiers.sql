-- An import from a spreadsheet kept its odd headers; every SQLite quoting style appears once.
CREATE TABLE "legacy import; 2019" (
    "row id"        INTEGER PRIMARY KEY,
    [Task Title]    TEXT,
    `Owner -- name` TEXT,
    "Notes /* raw */" TEXT
);
INSERT INTO "legacy import; 2019" ([Task Title], `Owner -- name`, "Notes /* raw */")
VALUES ('Migrate wiki; part 1', 'Brian -- ops', 'see "old" notes; ignore');
