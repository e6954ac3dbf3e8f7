-- CISA Known Exploited Vulnerabilities, replaced whole by each import.
CREATE TABLE kev (
  cve_id                        TEXT NOT NULL PRIMARY KEY,
  vendor_project                TEXT NOT NULL,
  product                       TEXT NOT NULL,
  vulnerability_name            TEXT NOT NULL,
  date_added                    TEXT NOT NULL,
  due_date                      TEXT NOT NULL,
  known_ransomware_campaign_use TEXT NOT NULL
);

-- FIRST EPSS scores, replaced whole by each import.
CREATE TABLE epss (
  cve_id     TEXT             NOT NULL PRIMARY KEY,
  epss       DOUBLE PRECISION NOT NULL,
  percentile DOUBLE PRECISION NOT NULL
);

-- What was loaded for each feed.
CREATE TABLE feed_release (
  feed      TEXT   NOT NULL PRIMARY KEY,
  version   TEXT   NOT NULL,
  released  TEXT   NOT NULL,
  entries   BIGINT NOT NULL,
  loaded_at TEXT   NOT NULL
);
