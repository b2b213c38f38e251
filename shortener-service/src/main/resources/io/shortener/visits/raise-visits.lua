-- Raises a visit counter to at least the exact count the analytics hold (visits another region served,
-- or this one served while Redis was away); never lowers it. KEYS[1]: the counter; ARGV[1]: the count.
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
local exact = tonumber(ARGV[1])
if count < exact then
  redis.call('SET', KEYS[1], exact)
  return exact
end
return count
