-- Unique human visitors of one link per UTC day. Visitor ids change every day (they hash the day),
-- so the days' figures add up to the period's.
-- Parameters: code, from, to (UTC, 'YYYY-MM-DD hh:mm:ss'; from inclusive, to exclusive).
SELECT
    toDate(minute) AS day,
    uniqExact(visitor_id) AS unique_visitors
FROM link_visitors_minute
WHERE code = '{{code}}' AND human = 1
  AND minute >= toDateTime('{{from}}') AND minute < toDateTime('{{to}}')
GROUP BY day
ORDER BY day
