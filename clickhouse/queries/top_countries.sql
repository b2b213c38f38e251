-- One link's human clicks by country (from the trusted header the CDN sets), '(unknown)' without one.
-- Parameters: code, from, to (UTC, 'YYYY-MM-DD hh:mm:ss'; from inclusive, to exclusive), limit.
SELECT
    if(value = '', '(unknown)', value) AS country,
    sum(human_clicks) AS human_clicks
FROM link_clicks_minute_by FINAL
WHERE code = '{{code}}' AND dimension = 'country'
  AND minute >= toDateTime('{{from}}') AND minute < toDateTime('{{to}}')
GROUP BY country
HAVING human_clicks > 0
ORDER BY human_clicks DESC, country
LIMIT {{limit}}
