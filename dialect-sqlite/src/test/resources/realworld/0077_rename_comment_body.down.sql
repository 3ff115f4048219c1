ALTER TABLE comments DROP COLUMN body_html;
ALTER TABLE comments RENAME COLUMN body_md TO body;
