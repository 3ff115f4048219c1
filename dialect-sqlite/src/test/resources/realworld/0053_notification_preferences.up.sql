CREATE TABLE notification_preferences (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind    TEXT    NOT NULL,
    channel TEXT    NOT NULL CHECK (channel IN ('email', 'web', 'none')),
    PRIMARY KEY (user_id, kind)
) WITHOUT ROWID;

INSERT INTO notification_preferences (user_id, kind, channel)
SELECT u.id, k.kind, CASE k.kind WHEN 'mentioned' THEN 'email' ELSE 'web' END
  FROM users u
 CROSS JOIN (SELECT 'assigned' AS kind UNION ALL SELECT 'mentioned' UNION ALL SELECT 'commented'
             UNION ALL SELECT 'due_soon' UNION ALL SELECT 'invoice') k;
