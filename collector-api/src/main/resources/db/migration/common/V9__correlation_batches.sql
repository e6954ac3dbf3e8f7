-- The due assets (correlated_at IS NULL) in uid order, and only them: a correlation batch reads the
-- first few hundred of them without sorting every due row, and the index shrinks as they are
-- correlated. V1's index on correlated_at made SQLite collect and sort all due rows for each batch
-- (tens of thousands after an advisory sync), and pick it over the uid key for re-reading a batch.
DROP INDEX assets_due;
CREATE INDEX assets_due ON assets (uid) WHERE correlated_at IS NULL;

-- Counts the changes to the advisories table (each new or revised advisory adds one): a correlation
-- batch notes it before matching and stores its results only if it has not moved, without reading
-- every advisory's version again for each write.
CREATE TABLE advisory_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  generation BIGINT NOT NULL
);
INSERT INTO advisory_generation (id, generation) VALUES (1, 0);
