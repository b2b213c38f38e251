package io.shortener.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TabSeparatedRowsTest {

    @Test
    void writesOneLinePerRowWithTabsBetweenFields() {
        TabSeparatedRows rows = new TabSeparatedRows();
        rows.text("abc").number(42).endRow();
        rows.text("").text("").number(-1).endRow();

        assertThat(text(rows)).isEqualTo("abc\t42\n\t\t-1\n");
        assertThat(rows.count()).isEqualTo(2);
    }

    @Test
    void escapesWhatWouldOtherwiseEndAFieldOrARow() {
        TabSeparatedRows rows = new TabSeparatedRows();
        rows.text("a\tb\nc\\d\re").endRow();

        assertThat(text(rows)).isEqualTo("a\\tb\\nc\\\\d\\re\n");
    }

    @Test
    void writesDateTimesAsUtcWallClockTime() {
        TabSeparatedRows rows = new TabSeparatedRows();
        rows.dateTime(1_764_000_059L).dateTime(1_764_000_060L).dateTime(0).endRow();

        assertThat(text(rows)).isEqualTo("2025-11-24 16:00:59\t2025-11-24 16:01:00\t1970-01-01 00:00:00\n");
    }

    @Test
    void keepsTextAsUtf8() {
        TabSeparatedRows rows = new TabSeparatedRows();
        rows.text("bücher.example").endRow();

        assertThat(rows.bytes()).isEqualTo("bücher.example\n".getBytes(StandardCharsets.UTF_8));
    }

    private static String text(TabSeparatedRows rows) {
        return new String(rows.bytes(), StandardCharsets.UTF_8);
    }
}
