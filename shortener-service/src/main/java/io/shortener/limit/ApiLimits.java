package io.shortener.limit;

import io.shortener.access.Caller;
import io.shortener.access.Scope;
import java.util.Map;
import java.util.Optional;

/**
 * The bucket an API request spends from: its key's, for the scope of the route, when the key is one this
 * instance already knows to be valid; otherwise its address's (a tighter one for anonymous creates). A key
 * not yet known, right or wrong, is paid for by the address until the resource has checked it: guessing
 * keys costs the guesser's bucket, not a Cassandra read per guess.
 */
public final class ApiLimits {

    private final Buckets buckets;
    private final Map<Scope, Bandwidth> perKey;
    private final Bandwidth perIp;
    private final Bandwidth anonymousCreatesPerIp;

    public ApiLimits(Buckets buckets, LimitsConfiguration config) {
        this.buckets = buckets;
        this.perKey = config.perKey();
        this.perIp = config.getApiPerIp();
        this.anonymousCreatesPerIp = config.getAnonymousCreatesPerIp();
    }

    public RateLimit admit(Scope scope, boolean create, Optional<Caller> knownCaller, boolean sentKey, String client) {
        if (knownCaller.isPresent()) {
            Bandwidth bandwidth = perKey.get(scope);
            return take("key:" + knownCaller.get().keyName() + ":" + scope.text(), bandwidth);
        }
        if (create && !sentKey) {
            return take("anon:" + client, anonymousCreatesPerIp);
        }
        return take("ip:" + client, perIp);
    }

    private RateLimit take(String bucket, Bandwidth bandwidth) {
        return RateLimit.of(bandwidth, buckets.take(bucket, bandwidth, 1));
    }
}
