package io.shortener.analytics;

import io.shortener.clickevent.ClickEvent;
import io.shortener.clickevent.ClickEventJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Click events as the service writes them (ClickEventJson), for a link, at a given time. */
final class Clicks {

    private static final AtomicLong NEXT_ID = new AtomicLong(System.currentTimeMillis() << 8);

    private Clicks() {
    }

    /** Every third click is a bot; visitors repeat every five clicks; referrers and countries alternate. */
    static List<String> of(String code, long timestampMillis, int count) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean bot = i % 3 == 0;
            String visitorId = String.format("%032x", ("visitor" + (i % 5)).hashCode() & 0xffffffffL);
            events.add(ClickEventJson.write(new ClickEvent(ClickEvent.SCHEMA_VERSION, NEXT_ID.incrementAndGet(), code,
                    timestampMillis + i, 0, 0, i % 2 == 0 ? "news.example" : null, bot ? "bot" : "desktop",
                    bot ? "Googlebot" : "Chrome", "Linux", bot, i % 2 == 0 ? "DE" : null, visitorId, 0, 0)));
        }
        return events;
    }

    static long humans(int count) {
        return count - (count + 2) / 3;
    }
}
