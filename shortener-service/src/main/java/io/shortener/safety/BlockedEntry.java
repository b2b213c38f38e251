package io.shortener.safety;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/** A blocked domain or link: what, why, by whom (an API key's name, a check's, or the blocklist file), since when. */
public record BlockedEntry(String value, String reason, String addedBy,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) Instant addedAt) {
}
