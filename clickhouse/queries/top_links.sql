-- The most clicked links in a period, by human clicks (bots do not make a link popular).
-- Parameters: from, to (UTC, 'YYYY-MM-DD hh:mm:ss'; from inclusive, to exclusive), limit.
SELECT
    code,
    sum(human_clicks) AS human_clicks,
    sum(clicks) AS clicks
FROM link_clicks_minute FINAL
WHERE minute >= toDateTime('{{from}}') AND minute < toDateTime('{{to}}')
GROUP BY code
ORDER BY human_clicks DESC, code
LIMIT {{limit}}
