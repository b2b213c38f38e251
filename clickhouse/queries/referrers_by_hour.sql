-- Where a link's (or a campaign's: code=spring-% for every alias starting with spring-) human clicks
-- came from, hour by hour, from the raw clicks; '(direct)' when no Referer was sent.
-- Parameters: code (a code, or a LIKE pattern), from, to (UTC, 'YYYY-MM-DD hh:mm:ss'; from inclusive, to exclusive), limit (rows).
SELECT
    toStartOfHour(time) AS hour,
    if(referrer = '', '(direct)', referrer) AS referrer,
    count() AS human_clicks
FROM clicks_raw FINAL
WHERE bot = 0 AND code LIKE '{{code}}'
  AND time >= toDateTime('{{from}}') AND time < toDateTime('{{to}}')
GROUP BY hour, referrer
ORDER BY hour, human_clicks DESC, referrer
LIMIT {{limit}}
