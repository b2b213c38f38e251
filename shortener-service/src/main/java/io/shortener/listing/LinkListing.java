package io.shortener.listing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.shortener.access.Caller;
import io.shortener.access.Scope;
import io.shortener.cassandra.CqlReads;
import io.shortener.error.ApiException;
import io.shortener.link.Link;
import io.shortener.link.RedirectType;
import io.shortener.rules.RedirectRules;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pages of an account's links, newest first, from the tables {@link LinkIndex} writes: the hours that
 * hold its links (newest first), then each hour's partition from the cursor on, until the page is full.
 * No offsets: a page costs what it returns, plus one row to tell whether another page follows. A search
 * ({@code q}) filters the rows it reads and stops after its scan budget of them: its page may then be
 * short (even empty) with a cursor to go on from, so one request never reads an account's whole history.
 */
public final class LinkListing {

    private static final int HOURS_PER_FETCH = 64;

    private final CqlSession session;
    /** Rows (links and hours) one search request reads at most. */
    private final int scanBudget;
    private final PreparedStatement hours;
    private final PreparedStatement rows;

    public LinkListing(CqlSession session, String keyspace, int scanBudget) {
        this.session = session;
        this.scanBudget = scanBudget;
        this.hours = CqlReads.prepare(session, "SELECT hour FROM " + keyspace + ".link_hours WHERE owner = ? AND tag = ? AND hour <= ? AND hour >= ?");
        this.rows = CqlReads.prepare(session, "SELECT " + LinkIndex.VIEW_COLUMNS + " FROM " + keyspace + ".links_by_owner WHERE owner = ? AND tag = ? AND hour = ?"
                + " AND (created_at, id) < (?, ?) AND (created_at, id) >= (?, ?) LIMIT ?");
    }

    /** A page of the caller's own account's links (an admin key's too: its own account). */
    public LinkPage page(Caller caller, ListQuery query) {
        caller.require(Scope.LINKS_READ);
        if (caller.account() == null) {
            throw new ApiException(401, "listing links takes an API key");
        }
        return page(caller.account(), query);
    }

    LinkPage page(String owner, ListQuery query) {
        ListPosition upper = query.upper();
        ListPosition lower = query.lower();
        String tag = query.tag() == null ? LinkIndex.ALL : query.tag();
        List<Link> found = new ArrayList<>();
        ListPosition lastRead = null;
        int read = 0;
        Iterable<Row> hourRows = session.execute(hours.bind(owner, tag, LinkIndex.hourOf(upper.createdAt()), LinkIndex.hourOf(lower.createdAt()))
                .setPageSize(HOURS_PER_FETCH));
        hoursLoop:
        for (Row hourRow : hourRows) {
            read++;
            int hour = hourRow.getInt(0);
            // Without a search a page needs one row more than it shows; with one, as many as the budget allows.
            int wanted = query.search() == null ? query.limit() + 1 - found.size() : scanBudget - read;
            for (Row row : session.execute(slice(owner, tag, hour, upper, lower, Math.max(wanted, 1)))) {
                read++;
                Link link = link(owner, row);
                lastRead = new ListPosition(link.createdAt(), link.id());
                if (matches(link, query.search())) {
                    found.add(link);
                }
                if (found.size() > query.limit() || read >= scanBudget) {
                    break hoursLoop;
                }
            }
            // This hour is read to its end: a page cut short by the budget goes on from the hour before it.
            lastRead = ListPosition.before(LinkIndex.startOf(hour));
            if (read >= scanBudget) {
                break;
            }
        }
        if (found.size() > query.limit()) {
            List<Link> page = found.subList(0, query.limit());
            Link last = page.get(page.size() - 1);
            return new LinkPage(page, new ListPosition(last.createdAt(), last.id()).cursor());
        }
        if (read >= scanBudget && lastRead != null) {
            return new LinkPage(found, lastRead.cursor());
        }
        return new LinkPage(found, null);
    }

    private com.datastax.oss.driver.api.core.cql.BoundStatement slice(String owner, String tag, int hour, ListPosition upper,
                                                                     ListPosition lower, int limit) {
        return rows.bind(owner, tag, hour, upper.createdAt(), upper.id(), lower.createdAt(), lower.id(), limit)
                .setPageSize(Math.min(limit, 500));
    }

    private static Link link(String owner, Row row) {
        return new Link(row.getString("code"), row.getLong("id"), row.getString("url"), row.getInstant("created_at"),
                row.getInstant("expires_at"), RedirectType.ofStatus(row.getInt("redirect_type")).orElse(RedirectType.FOUND),
                row.getBoolean("custom_alias"), owner, row.getString("title"), List.copyOf(row.getSet("tags", String.class)),
                RedirectRules.NONE, row.isNull("max_visits") ? null : row.getLong("max_visits"),
                row.getBoolean("password_protected") ? Link.PASSWORD_IN_ITS_OWN_ROW : null);
    }

    /** {@code search} (lower case) in the code, the title or the URL's host, ignoring case. */
    static boolean matches(Link link, String search) {
        if (search == null) {
            return true;
        }
        return link.code().toLowerCase(Locale.ROOT).contains(search)
                || link.title() != null && link.title().toLowerCase(Locale.ROOT).contains(search)
                || host(link.url()).contains(search);
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
