-- Human clicks by country and device class together (e.g. Germany on mobile), over all links or one
-- (code=… for one link, code=% for all), from the raw clicks.
-- Parameters: from, to (UTC, 'YYYY-MM-DD hh:mm:ss'; from inclusive, to exclusive), code (a code, or a LIKE pattern: % for all), limit.
SELECT
    if(country = '', '(unknown)', country) AS country,
    device,
    count() AS human_clicks,
    uniqExact(visitor_id) AS visitors
FROM clicks_raw FINAL
WHERE bot = 0 AND code LIKE '{{code}}'
  AND time >= toDateTime('{{from}}') AND time < toDateTime('{{to}}')
GROUP BY country, device
ORDER BY human_clicks DESC, country, device
LIMIT {{limit}}
