package io.shortener.click;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead spool on real memory-mapped files. A "crash" is a second journal opened on the same folder. */
class ClickJournalTest {

    private static final int SEGMENT = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void readsBackEveryClickInOrderWithEveryField() {
        ClickJournal journal = new ClickJournal(dir, SEGMENT, 1 << 20);
        RawClick full = new RawClick("launch-2027", 1_795_000_000_000L, true, "203.0.113.0", "Mozilla/5.0 (iPhone) é 中 😀",
                "https://news.example.com/a?b=c", "DE");
        RawClick sparse = new RawClick("x", 1L, false, null, null, null, null);
        RawClick ruled = new RawClick("r", 2L, false, "203.0.113.0", "agent", null, null, 20, 10);

        assertThat(journal.append(7, full)).isTrue();
        assertThat(journal.append(8, sparse)).isTrue();
        assertThat(journal.append(6, ruled)).isTrue();

        List<ClickJournal.Entry> read = journal.read(10);
        assertThat(read).extracting(ClickJournal.Entry::eventId).containsExactly(7L, 8L, 6L);
        assertThat(read).extracting(ClickJournal.Entry::click).containsExactly(full, sparse, ruled);
        assertThat(journal.read(10)).as("nothing more yet").isEmpty();
        journal.append(9, sparse);
        assertThat(journal.read(10)).extracting(ClickJournal.Entry::eventId).containsExactly(9L);
    }

    @Test
    void aVeryLongUserAgentIsCutOnACharacterBoundary() {
        ClickJournal journal = new ClickJournal(dir, SEGMENT, 1 << 20);
        String agent = "a".repeat(ClickJournal.MAX_FIELD_BYTES - 1) + "é" + "tail";

        journal.append(1, new RawClick("x", 1L, false, null, agent, null, null));

        assertThat(journal.read(1).get(0).click().userAgent()).isEqualTo("a".repeat(ClickJournal.MAX_FIELD_BYTES - 1));
    }

    @Test
    void clicksAppendedConcurrentlyAcrossManySegmentsAreEachReadOnce() throws Exception {
        ClickJournal journal = new ClickJournal(dir, SEGMENT, 1L << 30);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            writers.add(threads.submit(() -> {
                for (int i = 0; i < 5_000; i++) {
                    assertThat(journal.append(thread * 1_000_000L + i, new RawClick("c" + thread, i, false, "198.51.100.0",
                            "agent " + i, null, null))).isTrue();
                }
            }));
        }
        Set<Long> ids = new HashSet<>();
        long[] lastPerThread = new long[8];
        java.util.Arrays.fill(lastPerThread, -1);
        while (ids.size() < 40_000) {
            for (ClickJournal.Entry entry : journal.read(1000)) {
                assertThat(ids.add(entry.eventId())).as("read once: " + entry.eventId()).isTrue();
                int thread = (int) (entry.eventId() / 1_000_000);
                assertThat(entry.eventId() % 1_000_000).as("one writer's clicks in its order").isGreaterThan(lastPerThread[thread]);
                lastPerThread[thread] = entry.eventId() % 1_000_000;
                assertThat(entry.click().userAgent()).isEqualTo("agent " + entry.eventId() % 1_000_000);
            }
            if (writers.stream().allMatch(Future::isDone)) {
                for (Future<?> writer : writers) {
                    writer.get();
                }
            }
        }
        threads.shutdown();
        assertThat(journal.read(1000)).isEmpty();
        assertThat(segments()).as("many segments").hasSizeGreaterThan(5);
    }

    @Test
    void afterACrashTheNextProcessSendsWhatWasNotAcknowledgedAndNothingThatWas() {
        ClickJournal crashed = new ClickJournal(dir, SEGMENT, 1 << 20);
        for (long id = 1; id <= 10; id++) {
            crashed.append(id, new RawClick("c", id, false, null, null, null, null));
        }
        List<ClickJournal.Entry> sent = crashed.read(10);
        crashed.commit(sent.get(5).next());
        // No close: the process is gone; its pages are in the page cache, as after a SIGKILL.

        ClickJournal next = new ClickJournal(dir, SEGMENT, 1 << 20);
        next.append(11, new RawClick("c", 11, false, null, null, null, null));

        assertThat(next.read(100)).extracting(ClickJournal.Entry::eventId).containsExactly(7L, 8L, 9L, 10L, 11L);
    }

    @Test
    void aRestartWithNothingLeftToSendHasNothingPendingOnceTheEmptyTailIsSkipped() {
        ClickJournal before = new ClickJournal(dir, SEGMENT, 1 << 20);
        before.append(1, new RawClick("c", 1, false, null, null, null, null));
        before.commit(before.read(10).get(0).next());

        ClickJournal next = new ClickJournal(dir, SEGMENT, 1 << 20);
        assertThat(next.read(10)).isEmpty();
        next.commitSkipped();

        assertThat(next.pendingBytes()).isZero();
    }

    @Test
    void whatKafkaDidNotAcknowledgeIsReadAgainAfterARewind() {
        ClickJournal journal = new ClickJournal(dir, SEGMENT, 1 << 20);
        for (long id = 1; id <= 4; id++) {
            journal.append(id, new RawClick("c", id, false, null, null, null, null));
        }
        journal.commit(journal.read(2).get(1).next());
        assertThat(journal.read(10)).hasSize(2);

        journal.rewind();

        assertThat(journal.read(10)).extracting(ClickJournal.Entry::eventId).containsExactly(3L, 4L);
    }

    @Test
    void atItsCapItRefusesClicksUntilKafkaHasAcknowledgedSomeAndThenDeletesWhatIsDone() throws Exception {
        ClickJournal journal = new ClickJournal(dir, SEGMENT, 2L * SEGMENT);
        RawClick click = new RawClick("c", 1, false, null, "x".repeat(200), null, null);
        long appended = 0;
        while (journal.append(appended, click)) {
            appended++;
        }
        assertThat(appended).as("two segments' worth").isBetween(2L * SEGMENT / 300, 2L * SEGMENT / 200);
        assertThat(journal.append(-1, click)).isFalse();

        List<ClickJournal.Entry> read = journal.read((int) appended);
        assertThat(read).hasSize((int) appended);
        journal.commit(read.get(read.size() - 1).next());

        assertThat(journal.append(appended, click)).as("room again").isTrue();
        assertThat(segments()).as("acknowledged segments deleted").hasSizeLessThanOrEqualTo(2);
        assertThat(journal.read(10)).extracting(ClickJournal.Entry::eventId).containsExactly(appended);
    }

    private List<Path> segments() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".journal")).toList();
        }
    }
}
