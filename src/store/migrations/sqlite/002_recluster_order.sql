-- Re-clustering visits events in a canonical order (event_date, event_id), so that its result
-- depends on the events only, not on the order their reports were ingested; and it keeps each
-- incident's id where it can (prior_incident_id: the id an event had before the rebuild).
CREATE INDEX events_date_id ON events (event_date, event_id);
ALTER TABLE events ADD COLUMN prior_incident_id TEXT NOT NULL DEFAULT '';
