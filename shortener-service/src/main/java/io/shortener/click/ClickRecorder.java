package io.shortener.click;

/** Takes a click from a redirect without ever making it wait. */
@FunctionalInterface
public interface ClickRecorder {

    ClickRecorder NONE = click -> { };

    void record(RawClick click);
}
