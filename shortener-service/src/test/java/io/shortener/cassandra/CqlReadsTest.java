package io.shortener.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CqlReadsTest {

    /** A SELECT handed to the session's own prepare, not to CqlReads: its bound statements would not be retried. */
    private static final Pattern UNMARKED_READ = Pattern.compile("session\\.prepare\\(\\s*\"SELECT", Pattern.CASE_INSENSITIVE);

    @Test
    void aPreparedReadIsIdempotentSoTheDriverSendsItAgainElsewhere() {
        assertThat(CqlReads.statement("SELECT url FROM links WHERE code = ?").isIdempotent()).isTrue();
        assertThat(CqlReads.statement("  select url FROM links WHERE code = ?").isIdempotent()).isTrue();
    }

    @Test
    void aWriteIsNotTakenForARead() {
        assertThatThrownBy(() -> CqlReads.statement("INSERT INTO links (code) VALUES (?) IF NOT EXISTS"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a read");
    }

    @Test
    void everyReadTheServicePreparesGoesThroughCqlReads() throws IOException {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> unmarked = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> UNMARKED_READ.matcher(read(file)).find()).toList();
            assertThat(unmarked).as("sources that prepare a SELECT without CqlReads").isEmpty();
        }
        assertThat(UNMARKED_READ.matcher("this.select = session.prepare(\"SELECT url FROM links\");").find())
                .as("the check finds an unmarked read").isTrue();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
