-- Roles are referenced by id from application code; never renumber them.
INSERT INTO roles (id, name, description) VALUES
  (1, 'owner', 'Full access, billing included'),
  (2, 'admin', 'Everything except billing'),
  (3, 'staff', 'Day-to-day operations'),
  (4, 'viewer', E'Read-only access\n(no exports)');
