-- Migration: create tenants
CREATE TABLE tenants (

  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug        citext NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{3,40}$'),
  name        text NOT NULL,
  plan        plan_tier NOT NULL DEFAULT 'free',
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE tenants IS 'One customer organisation; every row of the app belongs to one.';
CREATE TRIGGER tenants_set_updated_at BEFORE UPDATE ON tenants
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
