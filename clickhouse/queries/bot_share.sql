-- How much of each link's traffic in a period came from bots (crawlers, link previews, scripts, HEAD
-- requests), most clicked links first.
-- Parameters: from, to (UTC, 'YYYY-MM-DD hh:mm:ss'; from inclusive, to exclusive), limit.
SELECT
    code,
    sum(clicks) AS all_clicks,
    all_clicks - sum(human_clicks) AS bot_clicks,
    round(bot_clicks / all_clicks, 4) AS bot_share
FROM link_clicks_minute FINAL
WHERE minute >= toDateTime('{{from}}') AND minute < toDateTime('{{to}}')
GROUP BY code
ORDER BY all_clicks DESC, code
LIMIT {{limit}}
