-- Comments are Markdown now; the rename is carried into the triggers on comments.
ALTER TABLE comments RENAME COLUMN body TO body_md;
ALTER TABLE comments ADD COLUMN body_html TEXT;
