-- CSAF provider sync (advisories.providers), shared by every collector on the database: what each
-- provider's documents looked like when last accepted, the keys pinned by trust-on-first-use, and
-- one row per provider per sync run. Times are epoch milliseconds.

-- the last accepted version of each listed document URL (keyed by the SHA-256 of the URL, so a
-- long URL never exceeds an index limit); a rejected document leaves its row untouched
CREATE TABLE advisory_sync_documents (
  provider              VARCHAR(64) NOT NULL,
  url_sha256            VARCHAR(64) NOT NULL,
  url                   TEXT NOT NULL,
  listed                BIGINT,
  current_release_date  BIGINT NOT NULL,
  tracking_version      TEXT NOT NULL,
  sha256                VARCHAR(64) NOT NULL,
  PRIMARY KEY (provider, url_sha256)
);

-- OpenPGP fingerprints pinned by trust_on_first_use
CREATE TABLE advisory_sync_pinned_keys (
  provider     VARCHAR(64) NOT NULL,
  fingerprint  VARCHAR(64) NOT NULL,
  PRIMARY KEY (provider, fingerprint)
);

-- one row per provider per run, with its counts, provider-level errors and (at most 100)
-- rejected documents as JSON arrays; runner names the collector that ran it
CREATE TABLE advisory_sync_runs (
  id               ${serial_key},
  provider         VARCHAR(64) NOT NULL,
  runner           VARCHAR(200) NOT NULL,
  started_at       BIGINT NOT NULL,
  finished_at      BIGINT NOT NULL,
  listed           INTEGER NOT NULL,
  fetched          INTEGER NOT NULL,
  added            INTEGER NOT NULL,
  changed          INTEGER NOT NULL,
  unchanged        INTEGER NOT NULL,
  rejected         INTEGER NOT NULL,
  errors_json      TEXT NOT NULL,
  rejections_json  TEXT NOT NULL
);
CREATE INDEX advisory_sync_runs_started ON advisory_sync_runs (started_at);
