CREATE TABLE subscription_changes (
    id              INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    from_plan_id    INTEGER REFERENCES plans (id),
    to_plan_id      INTEGER NOT NULL REFERENCES plans (id),
    changed_at      TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TRIGGER subscriptions_plan_changed AFTER UPDATE OF plan_id ON subscriptions
WHEN OLD.plan_id <> NEW.plan_id
BEGIN
    INSERT INTO subscription_changes (subscription_id, from_plan_id, to_plan_id) VALUES (NEW.id, OLD.plan_id, NEW.plan_id);
    UPDATE subscriptions
       SET status = CASE WHEN (SELECT monthly_price_cents FROM plans WHERE id = NEW.plan_id) = 0 THEN 'active'
                         ELSE status END
     WHERE id = NEW.id;
END;
