-- when a report last named each asset, and since when it is silent (NULL while it reports); the
-- silence check records gone_silent once, the next report naming the asset records seen_again
ALTER TABLE assets ADD COLUMN last_report_at BIGINT;
ALTER TABLE assets ADD COLUMN silent_since BIGINT;
UPDATE assets SET last_report_at = last_seen;
CREATE INDEX assets_silence ON assets (silent_since, last_report_at);

-- SQLite cannot change a CHECK constraint: asset_events is rebuilt with the two new kinds
CREATE TABLE asset_events_v6 (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  site_id    VARCHAR(64) NOT NULL,
  asset_id   VARCHAR(300) NOT NULL,
  kind       VARCHAR(32) NOT NULL
             CHECK (kind IN ('new_device', 'firmware_changed', 'gone_silent', 'seen_again')),
  old_value  TEXT,
  new_value  TEXT,
  agent_id   VARCHAR(64) NOT NULL,
  report_id  VARCHAR(128) NOT NULL,
  at         BIGINT NOT NULL,
  FOREIGN KEY (site_id, asset_id) REFERENCES assets (site_id, asset_id)
);
INSERT INTO asset_events_v6 (id, site_id, asset_id, kind, old_value, new_value, agent_id,
  report_id, at)
  SELECT id, site_id, asset_id, kind, old_value, new_value, agent_id, report_id, at
  FROM asset_events;
DROP TABLE asset_events;
ALTER TABLE asset_events_v6 RENAME TO asset_events;
CREATE INDEX asset_events_asset ON asset_events (site_id, asset_id, id);
