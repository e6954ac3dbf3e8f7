-- the CISA Known Exploited Vulnerabilities catalog (advisories.kevFile or POST /api/v1/kev), one row
-- per CVE; a new catalog replaces every row in one transaction
CREATE TABLE kev_entries (
  cve                            VARCHAR(32) PRIMARY KEY,
  vendor_project                 TEXT,
  product                        TEXT,
  vulnerability_name             TEXT,
  date_added                     VARCHAR(10) NOT NULL,
  due_date                       VARCHAR(10),
  known_ransomware_campaign_use  VARCHAR(16)
);
