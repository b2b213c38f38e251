package io.shortener.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RequestIdsTest {

    @Test
    void aCallersSaneIdIsKept() {
        assertThat(RequestIds.idFor("trace-1.a_b:c")).isEqualTo("trace-1.a_b:c");
    }

    @Test
    void anInsaneOrMissingIdIsReplacedBySixteenHexDigits() {
        assertThat(RequestIds.idFor(null)).matches("[0-9a-f]{16}");
        assertThat(RequestIds.idFor("")).matches("[0-9a-f]{16}");
        assertThat(RequestIds.idFor("has space")).matches("[0-9a-f]{16}");
        assertThat(RequestIds.idFor("<script>")).matches("[0-9a-f]{16}");
        assertThat(RequestIds.idFor("x".repeat(65))).matches("[0-9a-f]{16}");
        assertThat(RequestIds.idFor(null)).isNotEqualTo(RequestIds.idFor(null));
    }

    @Test
    void workHandedToAnotherThreadCarriesTheRequestsId() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        MDC.put(RequestIds.MDC_KEY, "carried-1");
        try {
            Runnable work = RequestIds.carried(() -> seen.set(MDC.get(RequestIds.MDC_KEY)));
            CompletableFuture.runAsync(work).get();
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
        assertThat(seen.get()).isEqualTo("carried-1");
    }
}
