DROP TABLE task_field_values;
DROP TABLE custom_fields;
