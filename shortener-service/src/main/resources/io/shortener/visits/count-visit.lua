-- One human visit of a link with a maximum: counted only if the link has visits left, atomically on the
-- node that holds the counter. KEYS[1]: the counter; ARGV[1]: the link's maximum; ARGV[2]: the count the
-- calling instance knows of (never above the true one), a floor that repairs a counter Redis lost.
-- Returns {1, count after} when admitted, {0, count} when the link has none left.
local count = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), tonumber(ARGV[2]))
if count >= tonumber(ARGV[1]) then
  return {0, count}
end
count = count + 1
redis.call('SET', KEYS[1], count)
return {1, count}
