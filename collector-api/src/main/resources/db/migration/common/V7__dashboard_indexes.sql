-- indexes for the dashboard's inventory listing (sort by a whitelisted column, ties by asset id,
-- within a site) and overview (findings by rule, unacknowledged alerts). The (site_id, vendor) and
-- (site_id, role) indexes of V1 give way to ones that also order ties by asset id.
DROP INDEX assets_site_vendor;
DROP INDEX assets_site_role;
CREATE INDEX assets_site_vendor_id ON assets (site_id, vendor, asset_id);
CREATE INDEX assets_site_role_id ON assets (site_id, role, asset_id);
CREATE INDEX assets_site_name_id ON assets (site_id, name, asset_id);
CREATE INDEX assets_site_model_id ON assets (site_id, model, asset_id);
CREATE INDEX assets_site_firmware_id ON assets (site_id, firmware, asset_id);
CREATE INDEX assets_site_first_seen_id ON assets (site_id, first_seen, asset_id);
CREATE INDEX assets_site_last_seen_id ON assets (site_id, last_seen, asset_id);
CREATE INDEX findings_site_rule ON findings (site_id, rule);
CREATE INDEX alerts_site_acked ON alerts (site_id, acked_at);
-- covering index for counting a site's assets with a match (EXISTS by uid reads no table row)
CREATE INDEX assets_site_uid ON assets (site_id, uid);
-- the vendor filter compares LOWER(vendor); both databases use an index on that expression
CREATE INDEX assets_site_lower_vendor ON assets (site_id, LOWER(vendor));
