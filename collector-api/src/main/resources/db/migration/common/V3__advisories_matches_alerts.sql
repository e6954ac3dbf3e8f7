-- advisories, their matches to assets, triage decisions, alerts and the alert outbox. Shared by
-- SQLite and PostgreSQL; times are epoch milliseconds.

-- the current version of each advisory, keyed by CSAF document.tracking.id; raw_json is the exact
-- document as received. A revision replaces the row only when its current_release_date is newer.
CREATE TABLE advisories (
  tracking_id           VARCHAR(200) PRIMARY KEY,
  version               VARCHAR(64) NOT NULL,
  current_release_date  BIGINT,
  publisher_namespace   VARCHAR(500) NOT NULL,
  title                 TEXT,
  tlp                   VARCHAR(16),
  sha256                VARCHAR(64) NOT NULL,
  raw_json              TEXT NOT NULL,
  imported_at           BIGINT NOT NULL,
  source                VARCHAR(500) NOT NULL
);

-- documents that could not be used, with why (the previous version, if any, stays current)
CREATE TABLE advisory_rejections (
  id           ${serial_key},
  tracking_id  VARCHAR(200),
  source       VARCHAR(500) NOT NULL,
  sha256       VARCHAR(64) NOT NULL,
  reason       TEXT NOT NULL,
  at           BIGINT NOT NULL
);

-- one row per (asset, advisory) while the asset matches the advisory's current version
CREATE TABLE matches (
  site_id           VARCHAR(64) NOT NULL REFERENCES sites (id),
  asset_uid         VARCHAR(64) NOT NULL REFERENCES assets (uid),
  advisory_id       VARCHAR(200) NOT NULL,
  advisory_version  VARCHAR(64) NOT NULL,
  confidence        VARCHAR(8) NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
  cvss              DOUBLE PRECISION,
  tlp               VARCHAR(16),
  explanation_json  TEXT NOT NULL,
  first_matched_at  BIGINT NOT NULL,
  updated_at        BIGINT NOT NULL,
  PRIMARY KEY (asset_uid, advisory_id)
);
CREATE INDEX matches_site ON matches (site_id, advisory_id);

-- triage decisions outlive matches: a match that disappears and comes back finds its decision
CREATE TABLE triage (
  asset_uid      VARCHAR(64) NOT NULL REFERENCES assets (uid),
  advisory_id    VARCHAR(200) NOT NULL,
  site_id        VARCHAR(64) NOT NULL REFERENCES sites (id),
  state          VARCHAR(32) NOT NULL
    CHECK (state IN ('affected', 'not_affected', 'fixed', 'under_investigation')),
  justification  VARCHAR(64),
  note           TEXT,
  actor          VARCHAR(200) NOT NULL,
  updated_at     BIGINT NOT NULL,
  PRIMARY KEY (asset_uid, advisory_id)
);

-- an alert per new or upgraded match; the unique key makes a second creation a no-op
CREATE TABLE alerts (
  id                ${serial_key},
  site_id           VARCHAR(64) NOT NULL REFERENCES sites (id),
  asset_uid         VARCHAR(64) NOT NULL,
  advisory_id       VARCHAR(200) NOT NULL,
  advisory_version  VARCHAR(64) NOT NULL,
  kind              VARCHAR(16) NOT NULL CHECK (kind IN ('new', 'upgraded', 'revised')),
  confidence        VARCHAR(8) NOT NULL,
  cvss              DOUBLE PRECISION,
  tlp               VARCHAR(16),
  title             TEXT,
  match_json        TEXT NOT NULL,
  created_at        BIGINT NOT NULL,
  acked_at          BIGINT,
  acked_by          VARCHAR(200),
  UNIQUE (asset_uid, advisory_id, advisory_version, confidence)
);
CREATE INDEX alerts_site ON alerts (site_id, id);

-- one delivery per (alert, destination), claimed by one collector at a time
CREATE TABLE alert_outbox (
  id               ${serial_key},
  alert_id         BIGINT NOT NULL REFERENCES alerts (id),
  destination      VARCHAR(100) NOT NULL,
  state            VARCHAR(16) NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
  attempts         INTEGER NOT NULL,
  next_attempt_at  BIGINT NOT NULL,
  last_error       TEXT,
  delivered_at     BIGINT,
  UNIQUE (alert_id, destination)
);
CREATE INDEX alert_outbox_due ON alert_outbox (state, next_attempt_at);
