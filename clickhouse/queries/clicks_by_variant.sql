-- Clicks of each redirect rule and target of its split (an A/B test's variants) of one link, or of every
-- link that matches (code=… for one link, a LIKE pattern like spring-% for a campaign, % for all), from the
-- raw clicks: rule 0 is the link's own URL (no rule matched), variant 0 a rule with a single target. Rule and
-- variant numbers are the link's rules as they were at the click (from 1, in the link's order).
-- Parameters: from, to (UTC, 'YYYY-MM-DD hh:mm:ss'; from inclusive, to exclusive), code (a code, or a LIKE pattern).
SELECT
    code,
    rule,
    variant,
    count() AS clicks,
    countIf(bot = 0) AS human_clicks,
    uniqExactIf(visitor_id, bot = 0) AS human_visitors
FROM clicks_raw FINAL
WHERE code LIKE '{{code}}'
  AND time >= toDateTime('{{from}}') AND time < toDateTime('{{to}}')
GROUP BY code, rule, variant
ORDER BY code, rule, variant
