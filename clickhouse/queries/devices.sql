-- One link's clicks by device class (desktop, mobile, tablet, bot, other), with each class's share.
-- Parameters: code, from, to (UTC, 'YYYY-MM-DD hh:mm:ss'; from inclusive, to exclusive).
SELECT
    value AS device,
    sum(clicks) AS clicks,
    round(clicks / (
        SELECT sum(clicks) FROM link_clicks_minute FINAL
        WHERE code = '{{code}}' AND minute >= toDateTime('{{from}}') AND minute < toDateTime('{{to}}')
    ), 4) AS share
FROM link_clicks_minute_by FINAL
WHERE code = '{{code}}' AND dimension = 'device'
  AND minute >= toDateTime('{{from}}') AND minute < toDateTime('{{to}}')
GROUP BY device
ORDER BY clicks DESC, device
