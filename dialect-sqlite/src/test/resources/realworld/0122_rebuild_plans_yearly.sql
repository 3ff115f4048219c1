-- === UP MIGRATION ===
-- plans gets a yearly price and loses max_members' NULL (unlimited becomes 0). Rebuild; the two triggers
-- that read plans are dropped first and recreated after the rename.
DROP TRIGGER team_members_seat_limit;
DROP TRIGGER subscriptions_plan_changed;

CREATE TABLE plans_new (
    id                  INTEGER PRIMARY KEY,
    code                TEXT    NOT NULL UNIQUE,
    name                TEXT    NOT NULL,
    currency            TEXT    NOT NULL DEFAULT 'EUR' REFERENCES currencies (code),
    max_members         INTEGER NOT NULL DEFAULT 0 CHECK (max_members >= 0),
    active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    monthly_price_cents INTEGER NOT NULL DEFAULT 0 CHECK (monthly_price_cents >= 0),
    yearly_price_cents  INTEGER CHECK (yearly_price_cents IS NULL OR yearly_price_cents >= 0)
);
INSERT INTO plans_new (id, code, name, currency, max_members, active, monthly_price_cents)
SELECT id, code, name, currency, coalesce(max_members, 0), active, monthly_price_cents FROM plans;
-- keel:allow drop-table the fixture rebuilds or retires this table on purpose
DROP TABLE plans;
ALTER TABLE plans_new RENAME TO plans;

CREATE TRIGGER team_members_seat_limit BEFORE INSERT ON team_members
WHEN (SELECT p.max_members
        FROM subscriptions s JOIN plans p ON p.id = s.plan_id
       WHERE s.team_id = NEW.team_id AND p.max_members > 0) <= (SELECT count(*) FROM team_members WHERE team_id = NEW.team_id)
BEGIN
    SELECT RAISE(ABORT, 'seat limit of the plan reached; upgrade the plan');
END;
CREATE TRIGGER subscriptions_plan_changed AFTER UPDATE OF plan_id ON subscriptions
WHEN OLD.plan_id <> NEW.plan_id
BEGIN
    INSERT INTO subscription_changes (subscription_id, from_plan_id, to_plan_id) VALUES (NEW.id, OLD.plan_id, NEW.plan_id);
    UPDATE subscriptions
       SET status = CASE WHEN (SELECT monthly_price_cents FROM plans WHERE id = NEW.plan_id) = 0 THEN 'active'
                         ELSE status END
     WHERE id = NEW.id;
END;

-- === DOWN MIGRATION ===
-- keel:transaction default
UPDATE plans SET yearly_price_cents = NULL;
