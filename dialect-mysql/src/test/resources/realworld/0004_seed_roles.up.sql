# the three roles the admin screens know about
INSERT INTO roles (name, description) VALUES
  ('admin', 'Full access; can manage users'),
  ('staff', 'Back office: orders, stock -- no settings'),
  ('customer', 'Shops on the site');
