DROP TABLE roles;
