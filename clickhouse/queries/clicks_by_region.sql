-- Clicks by the region whose service answered the redirect (its ids.region: 0 is us-east and 1 is eu-west
-- in `bin/shortener up --regions 2`), over all links or one (code=… for one link, code=% for all), from
-- the raw clicks: each region's share of the traffic, and of the humans in it.
-- Parameters: from, to (UTC, 'YYYY-MM-DD hh:mm:ss'; from inclusive, to exclusive), code (a code, or a LIKE pattern: % for all).
SELECT
    region,
    count() AS clicks,
    countIf(bot = 0) AS human_clicks
FROM clicks_raw FINAL
WHERE code LIKE '{{code}}'
  AND time >= toDateTime('{{from}}') AND time < toDateTime('{{to}}')
GROUP BY region
ORDER BY clicks DESC, region
