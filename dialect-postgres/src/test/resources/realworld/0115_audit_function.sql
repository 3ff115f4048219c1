-- Migration: 0115
-- Description: audit function
-- Author: platform-team

-- === UP MIGRATION ===
-- Generic row audit: one function for every audited table, table name from TG_TABLE_NAME.
CREATE OR REPLACE FUNCTION audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $audit$
DECLARE
  v_diff jsonb;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    v_diff := jsonb_build_object('old', to_jsonb(OLD), 'new', to_jsonb(NEW));
  ELSIF TG_OP = 'DELETE' THEN
    v_diff := jsonb_build_object('old', to_jsonb(OLD));
  ELSE
    v_diff := jsonb_build_object('new', to_jsonb(NEW));
  END IF;
  -- the dynamic SQL below uses a nested dollar quote; its ';' must not split anything
  EXECUTE format($q$INSERT INTO audit_log (tenant_id, action, entity, entity_id, diff)
                    VALUES ($1, $2, %L, $3, $4);$q$, TG_TABLE_NAME)
    USING coalesce((to_jsonb(NEW) ->> 'tenant_id')::bigint, (to_jsonb(OLD) ->> 'tenant_id')::bigint, 0),
          lower(TG_OP), coalesce(to_jsonb(NEW) ->> 'id', to_jsonb(OLD) ->> 'id'), v_diff;
  RETURN coalesce(NEW, OLD);
END;
$audit$;

-- === DOWN MIGRATION ===
DROP FUNCTION audit_row();
