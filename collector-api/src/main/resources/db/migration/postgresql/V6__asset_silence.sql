-- when a report last named each asset, and since when it is silent (NULL while it reports); the
-- silence check records gone_silent once, the next report naming the asset records seen_again
ALTER TABLE assets ADD COLUMN last_report_at BIGINT;
ALTER TABLE assets ADD COLUMN silent_since BIGINT;
UPDATE assets SET last_report_at = last_seen;
CREATE INDEX assets_silence ON assets (silent_since, last_report_at);

ALTER TABLE asset_events DROP CONSTRAINT asset_events_kind_check;
ALTER TABLE asset_events ADD CONSTRAINT asset_events_kind_check
  CHECK (kind IN ('new_device', 'firmware_changed', 'gone_silent', 'seen_again'));
