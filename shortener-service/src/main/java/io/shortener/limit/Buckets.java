package io.shortener.limit;

/** Token buckets by name; a bucket not seen before (or idle until full) starts full. */
public interface Buckets {

    /** Takes up to {@code wanted} tokens from the bucket, as many as it holds when it holds fewer. */
    Take take(String name, Bandwidth bandwidth, long wanted);
}
