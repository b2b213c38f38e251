package io.shortener.click;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** On the real kernel: the sender's thread alone is niced, the rest of the process is not. */
class SenderPriorityTest {

    @Test
    void onlyTheCallingThreadIsNiced() throws Exception {
        CompletableFuture<String[]> niced = new CompletableFuture<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try {
                String result = SenderPriority.lowerCurrentThread(7);
                niced.complete(new String[] {result, Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString()});
                done.await();
            } catch (Exception e) {
                niced.completeExceptionally(e);
            }
        });
        thread.start();
        try {
            String[] result = niced.get(10, TimeUnit.SECONDS);
            assertThat(result[0]).isEqualTo("niced to 7");
            assertThat(SenderPriority.niceOf(result[1])).isEqualTo(7);
            String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            assertThat(SenderPriority.niceOf(self)).as("the test's own thread").isZero();
        } finally {
            done.countDown();
        }
    }

    @Test
    void zeroLeavesTheThreadAsItIs() {
        assertThat(SenderPriority.lowerCurrentThread(0)).isEqualTo("not niced");
    }
}
