ALTER TABLE resources RENAME TO spaces;
ALTER TABLE bookings RENAME COLUMN resource_id TO space_id;
ALTER TRIGGER resources_set_updated_at ON spaces RENAME TO spaces_set_updated_at;
