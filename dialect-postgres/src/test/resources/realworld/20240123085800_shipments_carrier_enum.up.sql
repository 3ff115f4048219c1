CREATE TYPE carrier AS ENUM ('dhl', 'ups', 'postnl', 'other');
ALTER TABLE shipments ALTER COLUMN carrier TYPE carrier USING (
  CASE lower(carrier) WHEN 'dhl' THEN 'dhl' WHEN 'ups' THEN 'ups' WHEN 'postnl' THEN 'postnl' ELSE 'other' END
)::carrier;
