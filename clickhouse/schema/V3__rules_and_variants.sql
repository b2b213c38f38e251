-- Which redirect rule, and which target of its split (A/B), served each click: click events of version 2
-- carry them (0 for the link's own URL, or a rule with a single target). Clicks counted before hold 0, 0.
-- The per-minute counts need no new column: link_clicks_minute_by holds them as the dimension 'target',
-- with the value 'rule.variant' ('0.0' for the link's own URL, '2.1' for rule 2's first target).
--
-- One statement, so that it is applied whole or not at all (ClickHouse 18.16 has no ADD COLUMN IF NOT EXISTS).

ALTER TABLE clicks_raw ADD COLUMN rule UInt8 DEFAULT 0, ADD COLUMN variant UInt8 DEFAULT 0;
