-- The current good version of each advisory. Identified by publisher namespace and tracking id.
CREATE TABLE advisory (
  publisher_namespace  TEXT    NOT NULL,
  tracking_id          TEXT    NOT NULL,
  tracking_version     TEXT    NOT NULL,
  current_release_date TEXT,
  title                TEXT    NOT NULL,
  tlp                  TEXT    NOT NULL,
  origin               TEXT    NOT NULL,
  sha256               TEXT    NOT NULL,
  change_seq           BIGINT  NOT NULL,
  stored_at            TEXT    NOT NULL,
  document             BLOB    NOT NULL,
  PRIMARY KEY (publisher_namespace, tracking_id)
);
CREATE INDEX advisory_by_tracking_id ON advisory (tracking_id);
CREATE UNIQUE INDEX advisory_by_change_seq ON advisory (change_seq);

-- Documents that could not be used, newest last; the stored advisory (if any) is untouched.
CREATE TABLE advisory_rejection (
  change_seq  BIGINT NOT NULL PRIMARY KEY,
  origin      TEXT   NOT NULL,
  tracking_id TEXT,
  reason      TEXT   NOT NULL,
  rejected_at TEXT   NOT NULL
);

-- One change sequence for the whole store.
CREATE TABLE change_counter (
  name  TEXT   NOT NULL PRIMARY KEY,
  value BIGINT NOT NULL
);
INSERT INTO change_counter (name, value) VALUES ('store', 0);
