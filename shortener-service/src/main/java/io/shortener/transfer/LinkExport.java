package io.shortener.transfer;

import io.shortener.access.Caller;
import io.shortener.link.Link;
import io.shortener.listing.LinkListing;
import io.shortener.listing.LinkPage;
import io.shortener.listing.ListQuery;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code GET /api/v1/links/export}: the account's links (with the list's filters), newest first, as CSV
 * (RFC 4180, UTF-8), written page by page as the list reads them: an export of a million links holds one
 * page in memory, not the file. Its columns are what {@link LinkImport} reads back.
 */
public final class LinkExport {

    static final String[] HEADER = {"code", "short_url", "long_url", "title", "tags", "created_at", "expires_at", "redirect_type"};
    private static final int PAGE = ListQuery.MAX_LIMIT;

    private final LinkListing listing;
    private final String publicBaseUrl;

    public LinkExport(LinkListing listing, String publicBaseUrl) {
        this.listing = listing;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** Checks the caller and the filters now (so that a refusal is a proper 4xx), and streams later. */
    public StreamingOutput csv(Caller caller, String tag, String q, String createdFrom, String createdTo) {
        ListQuery first = ListQuery.of(tag, q, createdFrom, createdTo, Integer.toString(PAGE), null);
        LinkPage firstPage = listing.page(caller, first);
        return output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
                LinkPage page = firstPage;
                while (true) {
                    for (Link link : page.links()) {
                        csv.printRecord(link.code(), publicBaseUrl + "/" + link.code(), link.url(), link.title(),
                                String.join("|", link.tags()), link.createdAt(), link.expiresAt(), link.redirectType().status());
                    }
                    if (page.nextCursor() == null) {
                        break;
                    }
                    csv.flush();
                    page = listing.page(caller, ListQuery.of(tag, q, createdFrom, createdTo, Integer.toString(PAGE), page.nextCursor()));
                }
            }
        };
    }
}
