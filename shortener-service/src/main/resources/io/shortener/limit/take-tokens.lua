-- A token bucket in one hash, refilled continuously from the server's own clock (every instance shares
-- it, none trusts its own clock). KEYS[1]: the bucket. ARGV: capacity, refill, period (microseconds),
-- tokens wanted. Takes as many of the wanted tokens as the bucket holds; returns
-- {granted, whole tokens left, ms until one token, ms until full}.
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2]) / tonumber(ARGV[3])
local wanted = tonumber(ARGV[4])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = capacity
if state[1] and state[2] then
  tokens = math.min(capacity, tonumber(state[1]) + math.max(0, now - tonumber(state[2])) * rate)
end
local granted = math.min(wanted, math.floor(tokens))
tokens = tokens - granted
redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'at', string.format('%.0f', now))
local full_in = math.ceil((capacity - tokens) / rate / 1000)
-- Idle until full, a bucket is the same as none: let Redis forget it then.
redis.call('PEXPIRE', KEYS[1], full_in + 1000)
local next_in = 0
if tokens < 1 then
  next_in = math.ceil((1 - tokens) / rate / 1000)
end
return {granted, math.floor(tokens), next_in, full_in}
