-- Click counts per link per minute, written by analytics-spark (ClickAggregationJob).
--
-- Each Spark micro-batch writes the counts of the clicks it saw (duplicates already dropped by event
-- id) as rows of its own, keyed by batch_id. A batch that Spark replays after a crash writes exactly
-- the same rows again, and ReplacingMergeTree keeps one of each: a replay changes nothing. Until
-- ClickHouse merges the parts, two copies can coexist, so every reader uses FINAL (or groups by the
-- whole key) before summing.
--
-- Partitioned by month; ordered for "one link over a period" (the stats API) and scanned in full
-- partitions for "top links in a period".

CREATE TABLE IF NOT EXISTS link_clicks_minute (
    code String,
    minute DateTime,
    batch_id UInt64,
    clicks UInt64,
    human_clicks UInt64
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(minute)
ORDER BY (code, minute, batch_id);

-- The same counts broken down: dimension is one of 'referrer' (host, '' when direct), 'country'
-- (ISO 3166 alpha-2, '' when unknown), 'device' (desktop, mobile, tablet, bot, other), 'browser', 'os'.
CREATE TABLE IF NOT EXISTS link_clicks_minute_by (
    code String,
    dimension String,
    minute DateTime,
    value String,
    batch_id UInt64,
    clicks UInt64,
    human_clicks UInt64
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(minute)
ORDER BY (code, dimension, minute, value, batch_id);

-- Who clicked, for unique visitors over any period: one row per link, minute and visitor id (a keyed
-- hash of the anonymised IP, the User-Agent and the day, made by the service; never an IP). A visitor
-- id changes every UTC day, so "unique visitors" over several days counts a person once per day.
CREATE TABLE IF NOT EXISTS link_visitors_minute (
    code String,
    minute DateTime,
    human UInt8,
    visitor_id String
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(minute)
ORDER BY (code, minute, human, visitor_id);
