package io.shortener.listing;

import io.shortener.link.Link;
import java.util.List;

/** A page of an account's links, newest first, and the cursor of the next page (null after the last). */
public record LinkPage(List<Link> links, String nextCursor) {

    public LinkPage {
        links = List.copyOf(links);
    }
}
