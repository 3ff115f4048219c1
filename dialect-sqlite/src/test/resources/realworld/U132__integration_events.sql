DROP TABLE integration_events;
