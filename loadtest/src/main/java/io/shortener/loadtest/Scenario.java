package io.shortener.loadtest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/** What to send next, and which answers count as success. */
interface Scenario {

    /** The bytes of the next request, for a connection to the given Host. */
    Request next(SplittableRandom random);

    String name();

    record Request(byte[] bytes, boolean redirect) {

        /** A redirect succeeds with any 3xx; a create with 201. Everything else is an error. */
        boolean succeeded(int status) {
            return redirect ? status >= 300 && status < 400 : status == 201;
        }
    }

    static Request get(String host, String path) {
        return new Request(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: shortener-loadtest\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), true);
    }

    /** A JSON POST, with {@code Authorization: Bearer apiKey} unless the key is null. */
    static Request postJson(String host, String apiKey, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: shortener-loadtest\r\n"
                + (apiKey == null ? "" : "Authorization: Bearer " + apiKey + "\r\n")
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + body.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(body, 0, bytes, head.length, body.length);
        return new Request(bytes, false);
    }

    /** The Host header for a target: host:port. */
    static String hostOf(URI target) {
        return target.getHost() + ":" + target.getPort();
    }

    /** Every request for one code: the best case for every cache. */
    static Scenario hot(String host, String code) {
        Request request = get(host, "/" + code);
        return new Scenario() {
            @Override
            public Request next(SplittableRandom random) {
                return request;
            }

            @Override
            public String name() {
                return "hot";
            }
        };
    }

    /** Codes drawn by a Zipf law: a few links take most clicks, as real traffic does. */
    static Scenario zipf(String host, List<String> codes, double exponent) {
        ZipfSampler sampler = new ZipfSampler(codes.size(), exponent);
        Request[] requests = codes.stream().map(code -> get(host, "/" + code)).toArray(Request[]::new);
        return new Scenario() {
            @Override
            public Request next(SplittableRandom random) {
                return requests[sampler.sample(random)];
            }

            @Override
            public String name() {
                return "zipf";
            }
        };
    }

    /** Each code in turn, round and round. */
    static Scenario sequence(String host, List<String> codes) {
        Request[] requests = codes.stream().map(code -> get(host, "/" + code)).toArray(Request[]::new);
        AtomicLong next = new AtomicLong();
        return new Scenario() {
            @Override
            public Request next(SplittableRandom random) {
                return requests[(int) (next.getAndIncrement() % requests.length)];
            }

            @Override
            public String name() {
                return "sequence";
            }
        };
    }

    /** New links, each to a distinct URL. */
    static Scenario create(String host, String apiKey, String runId) {
        AtomicLong counter = new AtomicLong();
        return new Scenario() {
            @Override
            public Request next(SplittableRandom random) {
                return postJson(host, apiKey, "/api/v1/links",
                        "{\"url\": \"https://example.com/loadtest/" + runId + "/" + counter.incrementAndGet() + "?utm_source=loadtest\"}");
            }

            @Override
            public String name() {
                return "create";
            }
        };
    }

    /** New links, each under a custom alias of its own: each create is an alias claim (a lightweight transaction). */
    static Scenario alias(String host, String apiKey, String runId) {
        AtomicLong counter = new AtomicLong();
        return new Scenario() {
            @Override
            public Request next(SplittableRandom random) {
                long n = counter.incrementAndGet();
                return postJson(host, apiKey, "/api/v1/links", "{\"url\": \"https://example.com/loadtest/" + runId + "/" + n
                        + "\", \"alias\": \"lt-" + runId + "-" + n + "\"}");
            }

            @Override
            public String name() {
                return "alias";
            }
        };
    }

    /**
     * One code, followed by 64 visitors (browsers of one kind, each of its own version) that accept English:
     * what a redirect rule looks at (the User-Agent's classification, Accept-Language, the query, a split
     * by visitor) is there to look at, for a ruled link and a plain one alike.
     */
    static Scenario visitors(String host, String code) {
        Request[] requests = new Request[64];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = new Request(("GET /" + code + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64)"
                    + " AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0." + i + " Safari/537.36\r\n"
                    + "Accept-Language: en-US,en;q=0.9\r\n\r\n").getBytes(StandardCharsets.US_ASCII), true);
        }
        return new Scenario() {
            @Override
            public Request next(SplittableRandom random) {
                return requests[random.nextInt(requests.length)];
            }

            @Override
            public String name() {
                return "visitors";
            }
        };
    }

    /** Ten Zipf redirects to one create. */
    static Scenario mix(Scenario reads, Scenario writes) {
        return new Scenario() {
            @Override
            public Request next(SplittableRandom random) {
                return random.nextInt(11) == 0 ? writes.next(random) : reads.next(random);
            }

            @Override
            public String name() {
                return "mix";
            }
        };
    }
}
