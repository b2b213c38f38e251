package io.shortener.cache;

import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** {@code POST /tasks/cache-clear-local} on the admin port: empties this instance's L1 (Redis is left alone). */
public final class ClearLocalCacheTask extends Task {

    private final CachingLinkStore links;

    public ClearLocalCacheTask(CachingLinkStore links) {
        super("cache-clear-local");
        this.links = links;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        long before = links.localSize();
        links.clearLocal();
        output.println("cleared about " + before + " entries from the local cache");
    }
}
