-- The correlation job's work queue as a table of its own: one row per asset due for correlation (a
-- new device, a changed identity, or reachable by a new or revised advisory), deleted when the
-- asset is correlated. Before, assets.correlated_at was the flag and assets_due the queue: on
-- PostgreSQL every change of a column in an index's predicate writes a new row version into every
-- index of the table, so marking 80,000 assets due after a 50-advisory sync and marking them
-- correlated again rewrote 13 asset indexes twice per asset (26 s of a 37-51 s sync). Inserting and
-- deleting a key in this narrow table leaves the asset rows alone. assets.correlated_at stays, no
-- longer written.
CREATE TABLE correlation_due (
  asset_uid VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES assets (uid)
);
INSERT INTO correlation_due (asset_uid) SELECT uid FROM assets WHERE correlated_at IS NULL;
DROP INDEX assets_due;
