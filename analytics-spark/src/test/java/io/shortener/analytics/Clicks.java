package io.shortener.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Click events as the service writes them (click-event-v1), for a link, at a given time. */
final class Clicks {

    private static final AtomicLong NEXT_ID = new AtomicLong(System.currentTimeMillis() << 8);

    private Clicks() {
    }

    /** Every third click is a bot; visitors repeat every five clicks; referrers and countries alternate. */
    static List<String> of(String code, long timestampMillis, int count) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean bot = i % 3 == 0;
            events.add(event(NEXT_ID.incrementAndGet(), code, timestampMillis + i, bot,
                    i % 2 == 0 ? "\"news.example\"" : "null", i % 2 == 0 ? "\"DE\"" : "null",
                    bot ? "bot" : "desktop", bot ? "Googlebot" : "Chrome", "visitor" + (i % 5)));
        }
        return events;
    }

    static String event(long eventId, String code, long timestampMillis, boolean bot, String referrerJson, String countryJson,
                        String device, String browser, String visitor) {
        String visitorId = String.format("%032x", visitor.hashCode() & 0xffffffffL);
        return "{\"schemaVersion\":1,\"eventId\":" + eventId + ",\"code\":\"" + code + "\",\"timestamp\":" + timestampMillis
                + ",\"region\":0,\"instance\":0,\"referrerHost\":" + referrerJson + ",\"deviceClass\":\"" + device
                + "\",\"browser\":\"" + browser + "\",\"os\":\"Linux\",\"bot\":" + bot + ",\"country\":" + countryJson
                + ",\"visitorId\":\"" + visitorId + "\"}";
    }

    static long humans(int count) {
        return count - (count + 2) / 3;
    }
}
