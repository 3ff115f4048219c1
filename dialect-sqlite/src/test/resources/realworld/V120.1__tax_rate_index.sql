-- A hotfix between 120 and 121 (versions compare part by part: 120 < 120.1 < 121).
CREATE INDEX tax_rates_lookup ON tax_rates (country, valid_from DESC);
