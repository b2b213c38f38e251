-- Clicks over time for one link: per hour, all clicks and human clicks.
-- Parameters: code, from, to (UTC, 'YYYY-MM-DD hh:mm:ss'; from inclusive, to exclusive).
SELECT
    toStartOfHour(minute) AS hour,
    sum(clicks) AS clicks,
    sum(human_clicks) AS human_clicks
FROM link_clicks_minute FINAL
WHERE code = '{{code}}'
  AND minute >= toDateTime('{{from}}') AND minute < toDateTime('{{to}}')
GROUP BY hour
ORDER BY hour
