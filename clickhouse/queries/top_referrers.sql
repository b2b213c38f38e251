-- Where one link's human clicks came from: referrer hosts, '(direct)' when no Referer was sent.
-- Parameters: code, from, to (UTC, 'YYYY-MM-DD hh:mm:ss'; from inclusive, to exclusive), limit.
SELECT
    if(value = '', '(direct)', value) AS referrer,
    sum(human_clicks) AS human_clicks
FROM link_clicks_minute_by FINAL
WHERE code = '{{code}}' AND dimension = 'referrer'
  AND minute >= toDateTime('{{from}}') AND minute < toDateTime('{{to}}')
GROUP BY referrer
HAVING human_clicks > 0
ORDER BY human_clicks DESC, referrer
LIMIT {{limit}}
