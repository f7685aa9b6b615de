-- sitrep store, version 1 (SQLite). Dates are TEXT YYYY-MM-DD; JSON is TEXT.
CREATE TABLE reports (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_id TEXT NOT NULL UNIQUE,
  url TEXT UNIQUE,
  source TEXT,
  title TEXT,
  published TEXT,
  text TEXT NOT NULL,
  text_hash TEXT NOT NULL UNIQUE,
  ingested_at TEXT NOT NULL
);

CREATE TABLE incidents (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  incident_id TEXT NOT NULL UNIQUE,
  event_date TEXT NOT NULL,
  time_precision INTEGER NOT NULL,
  event_type TEXT NOT NULL,
  sub_event_type TEXT NOT NULL,
  actor1 TEXT,
  actor2 TEXT,
  country TEXT NOT NULL,
  admin1 TEXT,
  admin2 TEXT,
  location TEXT,
  latitude REAL,
  longitude REAL,
  geo_precision INTEGER NOT NULL,
  fatalities INTEGER NOT NULL,
  fatalities_low INTEGER NOT NULL,
  fatalities_high INTEGER NOT NULL,
  source_count INTEGER NOT NULL,
  search TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX incidents_date ON incidents (event_date, seq);

-- Space-time index: an incident under each of its keys on its day (see pipeline/incidents).
CREATE TABLE incident_keys (
  key TEXT NOT NULL,
  day INTEGER NOT NULL,
  tol INTEGER NOT NULL,
  incident_id TEXT NOT NULL,
  PRIMARY KEY (key, day, incident_id)
);
CREATE INDEX incident_keys_incident ON incident_keys (incident_id);

CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL UNIQUE,
  doc_id TEXT NOT NULL REFERENCES reports (doc_id),
  incident_id TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'unreviewed',
  event_date TEXT NOT NULL,
  event_type TEXT NOT NULL,
  sub_event_type TEXT NOT NULL,
  country TEXT NOT NULL,
  admin1 TEXT,
  latitude REAL,
  longitude REAL,
  fatalities INTEGER NOT NULL,
  actors TEXT NOT NULL,
  search TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX events_date ON events (event_date, seq);
CREATE INDEX events_incident ON events (incident_id);
CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX events_country ON events (country, event_date);

-- Analyst decisions on incidents, as event pairs: 'merge' = must share, 'split' = must not.
CREATE TABLE decisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  event_a TEXT NOT NULL,
  event_b TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX decisions_a ON decisions (event_a);
CREATE INDEX decisions_b ON decisions (event_b);

CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  before TEXT,
  after TEXT,
  comment TEXT
);

CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  input TEXT NOT NULL,
  reason TEXT NOT NULL
);
