-- Migration: create roles
CREATE TABLE roles (

  id          smallint PRIMARY KEY,
  name        text NOT NULL UNIQUE,
  description text NOT NULL DEFAULT ''
);
