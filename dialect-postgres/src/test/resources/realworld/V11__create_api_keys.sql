-- Migration: create api_keys
CREATE TABLE api_keys (

  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id   bigint NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  label       text NOT NULL,
  key_hash    bytea NOT NULL UNIQUE,
  scopes      text[] NOT NULL DEFAULT '{}',
  expires_at  timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER api_keys_set_updated_at BEFORE UPDATE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
CREATE POLICY api_keys_tenant_isolation ON api_keys
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::bigint);
