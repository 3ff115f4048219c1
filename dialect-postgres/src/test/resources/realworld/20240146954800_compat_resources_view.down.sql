DROP VIEW resources;
