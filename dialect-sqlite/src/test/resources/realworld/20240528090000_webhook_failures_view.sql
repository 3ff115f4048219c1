CREATE VIEW webhook_failures AS
SELECT w.id AS webhook_id, w.url, d.id AS delivery_id, d.status_code, d.attempts,
       d.payload ->> '$.event' AS event
  FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
 WHERE d.delivered_at IS NULL AND d.attempts >= 3;
