package io.shortener.rules;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** One condition of a rule, compiled: what it compares is worked out once, when the link is loaded. */
sealed interface Condition {

    boolean matches(Visit visit);

    /** The country of the trusted header (ISO 3166 alpha-2, upper case) is one of these. */
    record CountryIn(Set<String> countries) implements Condition {
        @Override
        public boolean matches(Visit visit) {
            String country = visit.country();
            return country != null && countries.contains(country);
        }
    }

    /** The device class the User-Agent gives (desktop, mobile, tablet, bot, other) is one of these. */
    record DeviceIn(Set<String> devices) implements Condition {
        @Override
        public boolean matches(Visit visit) {
            return devices.contains(visit.agent().deviceClass());
        }
    }

    /** The operating system family the User-Agent gives is one of these (whatever the case). */
    record OsIn(List<String> families) implements Condition {
        @Override
        public boolean matches(Visit visit) {
            String family = visit.osFamily();
            for (String wanted : families) {
                if (wanted.equalsIgnoreCase(family)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A language the visitor accepts (Accept-Language, any with q above 0) is one of these: "de" matches
     * "de", "de-AT" and "de-CH"; "en-gb" only "en-GB". Lower case.
     */
    record LanguageIn(List<String> languages) implements Condition {
        @Override
        public boolean matches(Visit visit) {
            return visit.acceptsAny(languages);
        }
    }

    /** The query string of the short URL has this parameter with this value ({@code *}: with any value). */
    record QueryHas(String name, String value) implements Condition {
        static final String ANY = "*";

        @Override
        public boolean matches(Visit visit) {
            for (String found : visit.queryValues(name)) {
                if (ANY.equals(value) || value.equals(found)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The visit is at or after {@code from} (if set) and before {@code until} (if set). */
    record During(Instant from, Instant until) implements Condition {
        @Override
        public boolean matches(Visit visit) {
            Instant now = visit.now();
            return (from == null || !now.isBefore(from)) && (until == null || now.isBefore(until));
        }
    }
}
