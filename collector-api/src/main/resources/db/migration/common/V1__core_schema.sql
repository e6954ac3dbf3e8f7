-- fieldprint collector schema, shared by SQLite and PostgreSQL. Times are epoch milliseconds
-- (BIGINT), documents are JSON text. ${serial_key} is the dialect's auto-increment primary key.

CREATE TABLE sites (
  id          VARCHAR(64) PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  created_at  BIGINT NOT NULL
);

CREATE TABLE agents (
  id            VARCHAR(64) PRIMARY KEY,
  site_id       VARCHAR(64) NOT NULL REFERENCES sites (id),
  name          VARCHAR(200) NOT NULL,
  token_hash    VARCHAR(64) NOT NULL UNIQUE,
  created_at    BIGINT NOT NULL,
  last_seen_at  BIGINT,
  version       VARCHAR(100)
);

CREATE TABLE users (
  id          VARCHAR(64) PRIMARY KEY,
  name        VARCHAR(200) NOT NULL UNIQUE,
  role        VARCHAR(16) NOT NULL CHECK (role IN ('viewer', 'admin')),
  all_sites   SMALLINT NOT NULL DEFAULT 0,
  created_at  BIGINT NOT NULL
);

CREATE TABLE user_tokens (
  token_hash  VARCHAR(64) PRIMARY KEY,
  user_id     VARCHAR(64) NOT NULL REFERENCES users (id),
  created_at  BIGINT NOT NULL
);

CREATE TABLE user_sites (
  user_id  VARCHAR(64) NOT NULL REFERENCES users (id),
  site_id  VARCHAR(64) NOT NULL REFERENCES sites (id),
  PRIMARY KEY (user_id, site_id)
);

CREATE TABLE reports (
  agent_id     VARCHAR(64) NOT NULL REFERENCES agents (id),
  report_id    VARCHAR(128) NOT NULL,
  site_id      VARCHAR(64) NOT NULL REFERENCES sites (id),
  received_at  BIGINT NOT NULL,
  asset_count  INTEGER NOT NULL,
  PRIMARY KEY (agent_id, report_id)
);

-- one row per device per site, merged from every report; correlated_at is NULL while the asset's
-- identity changed since the last advisory correlation (the later correlation job's work queue)
CREATE TABLE assets (
  site_id        VARCHAR(64) NOT NULL REFERENCES sites (id),
  asset_id       VARCHAR(300) NOT NULL,
  uid            VARCHAR(64) NOT NULL UNIQUE,
  name           TEXT,
  vendor         TEXT,
  product        TEXT,
  model          TEXT,
  firmware       TEXT,
  hardware       TEXT,
  serial         TEXT,
  role           VARCHAR(32) NOT NULL,
  ip_json        TEXT NOT NULL,
  mac_json       TEXT NOT NULL,
  protocols_json TEXT NOT NULL,
  first_seen     BIGINT NOT NULL,
  last_seen      BIGINT NOT NULL,
  last_report_agent VARCHAR(64) NOT NULL,
  correlated_at  BIGINT,
  PRIMARY KEY (site_id, asset_id)
);
CREATE INDEX assets_site_vendor ON assets (site_id, vendor);
CREATE INDEX assets_site_role ON assets (site_id, role);
CREATE INDEX assets_due ON assets (correlated_at);

-- the latest evidence per (asset, source, origin): bounded however often a device is reported
CREATE TABLE asset_evidence (
  site_id      VARCHAR(64) NOT NULL,
  asset_id     VARCHAR(300) NOT NULL,
  source       VARCHAR(200) NOT NULL,
  origin       VARCHAR(300) NOT NULL,
  observed_at  BIGINT,
  fields_json  TEXT NOT NULL,
  received_at  BIGINT NOT NULL,
  PRIMARY KEY (site_id, asset_id, source, origin),
  FOREIGN KEY (site_id, asset_id) REFERENCES assets (site_id, asset_id)
);

CREATE TABLE asset_events (
  id         ${serial_key},
  site_id    VARCHAR(64) NOT NULL,
  asset_id   VARCHAR(300) NOT NULL,
  kind       VARCHAR(32) NOT NULL CHECK (kind IN ('new_device', 'firmware_changed')),
  old_value  TEXT,
  new_value  TEXT,
  agent_id   VARCHAR(64) NOT NULL,
  report_id  VARCHAR(128) NOT NULL,
  at         BIGINT NOT NULL,
  FOREIGN KEY (site_id, asset_id) REFERENCES assets (site_id, asset_id)
);
CREATE INDEX asset_events_asset ON asset_events (site_id, asset_id, id);

CREATE TABLE findings (
  site_id      VARCHAR(64) NOT NULL,
  asset_id     VARCHAR(300) NOT NULL,
  rule         VARCHAR(200) NOT NULL,
  severity     VARCHAR(16) NOT NULL,
  title        TEXT NOT NULL,
  detail       TEXT,
  occurrences  INTEGER NOT NULL,
  first_seen   BIGINT NOT NULL,
  last_seen    BIGINT NOT NULL,
  PRIMARY KEY (site_id, asset_id, rule)
);

CREATE TABLE audit_log (
  id        ${serial_key},
  at        BIGINT NOT NULL,
  actor     VARCHAR(200) NOT NULL,
  action    VARCHAR(64) NOT NULL,
  site_id   VARCHAR(64),
  detail    TEXT NOT NULL
);
