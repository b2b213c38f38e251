package io.shortener.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shortener.error.ApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ListQueryTest {

    @Test
    void defaultsToTheNewestFiftyOfAllLinks() {
        ListQuery query = ListQuery.of(null, null, null, null, null, null);

        assertThat(query.limit()).isEqualTo(50);
        assertThat(query.tag()).isNull();
        assertThat(query.search()).isNull();
        assertThat(query.upper().createdAt()).isAfter(Instant.parse("9000-01-01T00:00:00Z"));
        assertThat(query.lower()).isEqualTo(ListPosition.before(Instant.EPOCH));
    }

    @Test
    void takesADateOrADateTimeWithAnOffsetForTheWindow() {
        ListQuery query = ListQuery.of(null, null, "2026-12-01", "2026-12-02T10:00:00+02:00", "10", null);

        assertThat(query.createdFrom()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(query.createdTo()).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
        assertThat(query.upper()).isEqualTo(ListPosition.before(Instant.parse("2026-12-02T08:00:00Z")));
    }

    @Test
    void aCursorStartsThePageJustAfterTheLinkItNames() {
        ListPosition last = new ListPosition(Instant.parse("2026-12-01T12:00:00.123Z"), 42);

        ListQuery query = ListQuery.of(null, null, null, null, null, last.cursor());

        assertThat(query.upper()).isEqualTo(last);
        assertThat(ListPosition.ofCursor(last.cursor())).isEqualTo(last);
    }

    @Test
    void aCursorOutsideTheWindowGivesWayToTheWindow() {
        ListPosition newer = new ListPosition(Instant.parse("2026-12-05T00:00:00Z"), 42);

        ListQuery query = ListQuery.of(null, null, null, "2026-12-01", null, newer.cursor());

        assertThat(query.upper()).isEqualTo(ListPosition.before(Instant.parse("2026-12-01T00:00:00Z")));
    }

    @Test
    void normalisesTheTagAndTheSearchToLowerCase() {
        ListQuery query = ListQuery.of(" Launch ", "  Report ", null, null, null, null);

        assertThat(query.tag()).isEqualTo("launch");
        assertThat(query.search()).isEqualTo("report");
    }

    @Test
    void refusesWhatItCannotUse() {
        assertThatThrownBy(() -> ListQuery.of(null, null, null, null, "0", null)).isInstanceOf(ApiException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> ListQuery.of(null, null, null, null, "501", null)).hasMessageContaining("limit");
        assertThatThrownBy(() -> ListQuery.of(null, null, "2026-12-02", "2026-12-01", null, null)).hasMessageContaining("before");
        assertThatThrownBy(() -> ListQuery.of(null, null, null, null, null, "Zm9v")).hasMessageContaining("cursor");
        assertThatThrownBy(() -> ListQuery.of(null, null, null, null, null, "MS54LjE")).hasMessageContaining("cursor");
        assertThatThrownBy(() -> ListQuery.of("#x", null, null, null, null, null)).hasMessageContaining("tag");
    }

    @Test
    void positionsRunNewestFirstAndTheIdBreaksATie() {
        Instant t = Instant.parse("2026-12-01T00:00:00Z");

        assertThat(new ListPosition(t.plusMillis(1), 1)).isLessThan(new ListPosition(t, 9));
        assertThat(new ListPosition(t, 9)).isLessThan(new ListPosition(t, 1));
        assertThat(new ListPosition(t, 0)).isLessThan(ListPosition.before(t));
    }
}
