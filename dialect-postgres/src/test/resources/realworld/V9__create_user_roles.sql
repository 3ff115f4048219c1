-- Migration: create user_roles
CREATE TABLE user_roles (

  user_id  bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role_id  smallint NOT NULL REFERENCES roles (id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, role_id)
);
