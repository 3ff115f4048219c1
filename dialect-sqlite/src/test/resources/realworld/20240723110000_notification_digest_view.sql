CREATE VIEW notification_digest AS
SELECT n.user_id, u.email, date(n.created_at) AS day,
       count(*)                                                  AS total,
       sum(n.kind = 'mentioned')                                 AS mentions,
       json_group_array(json_object('kind', n.kind, 'message', n.message)) AS items
  FROM notifications n JOIN users u ON u.id = n.user_id
 WHERE n.read_at IS NULL
 GROUP BY n.user_id, u.email, date(n.created_at);
