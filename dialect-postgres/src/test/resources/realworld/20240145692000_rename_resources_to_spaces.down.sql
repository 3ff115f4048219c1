ALTER TRIGGER spaces_set_updated_at ON spaces RENAME TO resources_set_updated_at;
ALTER TABLE bookings RENAME COLUMN space_id TO resource_id;
ALTER TABLE spaces RENAME TO resources;
