package io.shortener.limit;

import com.codahale.metrics.Meter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.shortener.client.ClientRanges;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Per-address limits on redirects, which must never wait for Redis on the selector thread. An instance
 * keeps, per address and per lease window, an allowance: the first {@code lease} redirects on credit, then
 * what it leased from the shared bucket. When the allowance is spent, the next redirect goes to a pool
 * thread, which settles the credit spent with the shared bucket and takes the next lease in one call
 * (each one twice the last within a window, up to a quarter of the bucket).
 * While Redis cannot answer, redirects are admitted (fail open): a limit must not take the product down.
 *
 * <p>Unknown codes have a bucket of their own: each code that turns out not to exist past this instance's
 * memory spends a token, and an address whose bucket is empty has its next unknown codes refused before
 * any lookup, so that a flood of made-up codes reaches Cassandra at the bucket's rate.
 */
public final class RedirectLimits {

    /** What an instance can say about a redirect from memory alone. */
    public enum Verdict { ADMIT, ASK, REFUSE }

    private final Buckets shared;
    private final RedirectLimitsConfiguration config;
    private final ClientRanges exempt;
    private final Cache<InetAddress, Allowance> allowances;
    private final Ticker ticker;
    private final Meter refusals;
    private final Meter unknownRefusals;
    private final long maxLease;

    public RedirectLimits(Buckets shared, RedirectLimitsConfiguration config, ClientRanges exempt, int maximumAddresses, Ticker ticker,
                          Meter refusals, Meter unknownRefusals) {
        this.shared = shared;
        this.config = config;
        this.exempt = exempt;
        this.ticker = ticker;
        this.refusals = refusals;
        this.unknownRefusals = unknownRefusals;
        this.maxLease = Math.max(config.getLease(), config.getPerIp().capacity() / 4);
        // Created per window and never rewritten: credit is renewed, and unpaid credit forgiven, each window.
        this.allowances = Caffeine.newBuilder().maximumSize(maximumAddresses).expireAfterWrite(config.leaseWindow()).ticker(ticker).build();
    }

    /** On the selector thread: admits from this instance's allowance for the address; ASK means a pool thread must settle. */
    public Verdict admitLocally(InetAddress client) {
        if (client == null || exempt.contains(client)) {
            return Verdict.ADMIT;
        }
        return allowance(client).admitLocally(ticker.read());
    }

    /** On a pool thread: admits, settling with the shared bucket when the allowance is spent; a refusal says when to come back. */
    public RateLimit admit(InetAddress client) {
        Verdict verdict = admitLocally(client);
        if (verdict == Verdict.ADMIT) {
            return null;
        }
        if (verdict == Verdict.ASK) {
            Allowance allowance = allowance(client);
            long owed = allowance.owe();
            long lease = allowance.nextLease();
            try {
                Take take = shared.take("redirect:" + client.getHostAddress(), config.getPerIp(), owed + lease);
                if (allowance.settle(take.granted() - owed, ticker.read(), take.nextTokenMillis())) {
                    return null;
                }
            } catch (JedisException | CallNotPermittedException e) {
                allowance.openUp();
                return null;
            }
        }
        return refusal(client);
    }

    /** The refusal of an address {@link #admitLocally} refused, without asking anyone (safe on the selector thread). */
    public RateLimit refusal(InetAddress client) {
        refusals.mark();
        return RateLimit.refused(config.getPerIp(), allowance(client).refusedForMillis(ticker.read()));
    }

    /** Whether the address's unknown codes are refused for now (checked before a lookup leaves this instance's memory). */
    public RateLimit unknownCodesRefused(InetAddress client) {
        if (client == null || exempt.contains(client)) {
            return null;
        }
        Allowance allowance = allowances.getIfPresent(client);
        long millis = allowance == null ? 0 : allowance.unknownRefusedForMillis(ticker.read());
        if (millis <= 0) {
            return null;
        }
        unknownRefusals.mark();
        return RateLimit.refused(config.getUnknownCodesPerIp(), millis);
    }

    /** A lookup past memory found no link: spends the address's unknown-code token. */
    public void unknownCode(InetAddress client) {
        if (client == null || exempt.contains(client)) {
            return;
        }
        try {
            Take take = shared.take("unknown:" + client.getHostAddress(), config.getUnknownCodesPerIp(), 1);
            if (take.remaining() == 0) {
                allowance(client).refuseUnknown(ticker.read(), Math.max(1, take.nextTokenMillis()));
            }
        } catch (JedisException | CallNotPermittedException e) {
            // Without Redis no address is singled out; the negative caches still hold each code.
        }
    }

    private Allowance allowance(InetAddress client) {
        return allowances.get(client, ignored -> new Allowance(config.getLease(), maxLease, ticker.read()));
    }

    /** One address's state in this instance for the current window. */
    private static final class Allowance {
        private long credit;
        private long lease;
        private final long maxLease;
        private long owed;
        private long paid;
        private long refusedUntil;
        private long unknownRefusedUntil;

        Allowance(long lease, long maxLease, long now) {
            this.credit = lease;
            this.lease = lease;
            this.maxLease = maxLease;
            // Tick values may be negative (System.nanoTime): "not refused" is "refused until now".
            this.refusedUntil = now;
            this.unknownRefusedUntil = now;
        }

        synchronized Verdict admitLocally(long now) {
            if (refusedUntil - now > 0) {
                return Verdict.REFUSE;
            }
            if (paid > 0) {
                paid--;
                return Verdict.ADMIT;
            }
            if (credit > 0) {
                credit--;
                owed++;
                return Verdict.ADMIT;
            }
            return Verdict.ASK;
        }

        /** The credit spent so far, now to be paid; the settle that follows pays it or forgives it. */
        synchronized long owe() {
            long spent = owed;
            owed = 0;
            return spent;
        }

        /**
         * The lease to ask for next: doubled at each settle in the window, up to a quarter of the bucket, so that a
         * busy address costs a few Redis calls a window rather than one per lease. Leased tokens are paid for: a
         * bigger lease takes from the shared bucket sooner, it never lets more through.
         */
        synchronized long nextLease() {
            long next = lease;
            lease = Math.min(maxLease, lease * 2);
            return next;
        }

        /** Adds what a settle leased beyond the debt, and admits this request from it; or refuses until a token is due. */
        synchronized boolean settle(long leased, long now, long nextTokenMillis) {
            paid += Math.max(0, leased);
            if (paid > 0) {
                paid--;
                return true;
            }
            refusedUntil = now + TimeUnit.MILLISECONDS.toNanos(Math.max(1, nextTokenMillis));
            return false;
        }

        synchronized void openUp() {
            credit = Long.MAX_VALUE / 2;
        }

        synchronized long refusedForMillis(long now) {
            return Math.max(1, TimeUnit.NANOSECONDS.toMillis(refusedUntil - now));
        }

        synchronized void refuseUnknown(long now, long millis) {
            unknownRefusedUntil = now + TimeUnit.MILLISECONDS.toNanos(millis);
        }

        synchronized long unknownRefusedForMillis(long now) {
            long left = unknownRefusedUntil - now;
            return left > 0 ? Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)) : 0;
        }
    }
}
