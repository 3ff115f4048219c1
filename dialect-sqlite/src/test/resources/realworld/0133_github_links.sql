CREATE TABLE task_links (
    id      INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    kind    TEXT    NOT NULL CHECK (kind IN ('pull_request', 'commit', 'issue', 'url')),
    url     TEXT    NOT NULL CHECK (url LIKE 'http%://%'),
    title   TEXT,
    UNIQUE (task_id, url)
);
-- A merged pull request closes its task. The closing word is read from the link title.
CREATE TRIGGER task_links_close AFTER INSERT ON task_links
WHEN NEW.kind = 'pull_request' AND lower(NEW.title) GLOB '*fixes*'
BEGIN
    UPDATE tasks SET status = 'review' WHERE id = NEW.task_id AND status IN ('todo', 'doing');
    INSERT INTO task_events (task_id, kind, detail) VALUES (NEW.task_id, 'status', 'linked: ' || NEW.url);
END;
