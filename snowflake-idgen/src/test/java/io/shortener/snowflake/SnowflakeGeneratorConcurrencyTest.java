package io.shortener.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SnowflakeGeneratorConcurrencyTest {

    private static final int THREADS = 8;
    private static final int IDS_PER_THREAD = 500_000;

    @Test
    void millionsOfIdsFromManyThreadsAreAllUniqueAndIncreasingPerThread() throws Exception {
        SnowflakeGenerator generator = new SnowflakeGenerator(SnowflakeSettings.of(5, 9));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    long[] ids = new long[IDS_PER_THREAD];
                    for (int i = 0; i < ids.length; i++) {
                        ids[i] = generator.nextId();
                    }
                    return ids;
                }));
            }
            start.countDown();

            long[] all = new long[THREADS * IDS_PER_THREAD];
            int offset = 0;
            for (Future<long[]> result : results) {
                long[] ids = result.get();
                for (int i = 1; i < ids.length; i++) {
                    if (ids[i] <= ids[i - 1]) {
                        fail("IDs out of order within one thread at index " + i + ": " + ids[i - 1] + " then " + ids[i]);
                    }
                }
                System.arraycopy(ids, 0, all, offset, ids.length);
                offset += ids.length;
            }
            Arrays.sort(all);
            for (int i = 1; i < all.length; i++) {
                if (all[i] == all[i - 1]) {
                    fail("duplicate ID " + all[i]);
                }
            }
            assertThat(all).hasSize(THREADS * IDS_PER_THREAD);
        } finally {
            pool.shutdownNow();
        }
    }
}
