-- Every click once, for the questions per-dimension minute counts cannot answer: two dimensions at once
-- (clicks from Germany on mobile), a campaign's referrers by hour, any slice an analyst thinks of.
-- Written by analytics-spark from the de-duplicated stream, in the same micro-batch as the counts.
--
-- De-duplicated by event id: the job drops duplicate deliveries, and a batch that Spark replays after a
-- crash writes identical rows, of which ReplacingMergeTree keeps one per (code, time, event_id); until
-- ClickHouse merges the parts, read with FINAL. No IP address is stored, in any form: visitor_id is the
-- service's keyed daily hash. Partitioned by month: `bin/shortener clickhouse retention --keep-months N`
-- drops whole months. Ordered for "one link over a period".

CREATE TABLE IF NOT EXISTS clicks_raw (
    event_id UInt64,
    code String,
    time DateTime,
    region UInt8,
    instance UInt8,
    referrer String,
    country String,
    device String,
    browser String,
    os String,
    bot UInt8,
    visitor_id String
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(time)
ORDER BY (code, time, event_id);
