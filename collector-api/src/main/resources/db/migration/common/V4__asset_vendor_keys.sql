-- the canonical vendor keys (ProductMatcher.advisoryVendors) of each correlated asset, written by
-- the correlation job: a new or revised advisory marks due only the assets with a key the advisory
-- names, plus the assets that match its previous version
CREATE TABLE asset_vendor_keys (
  asset_uid   VARCHAR(64) NOT NULL REFERENCES assets (uid),
  vendor_key  TEXT NOT NULL,
  PRIMARY KEY (asset_uid, vendor_key)
);
CREATE INDEX asset_vendor_keys_key ON asset_vendor_keys (vendor_key);
CREATE INDEX matches_advisory ON matches (advisory_id);

-- assets correlated before this table existed have no keys yet: correlate them once more
UPDATE assets SET correlated_at = NULL;
