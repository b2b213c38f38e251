package io.shortener.listing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.shortener.link.Link;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The rows that list an account's links ({@code links_by_owner}: one under the tag '' for every link,
 * and one per tag of it; {@code link_hours}: the hours that hold them), as statements for the link's store
 * to write with the link. A link without an owner (an anonymous create) is in no list.
 */
public final class LinkIndex {

    /** The tag of the rows that list every link of an account. */
    static final String ALL = "";
    private static final long HOUR_MILLIS = 3_600_000L;
    static final String VIEW_COLUMNS = "created_at, id, code, url, expires_at, redirect_type, custom_alias, title, tags, max_visits, "
            + "password_protected";

    private final PreparedStatement row;
    private final PreparedStatement hour;
    private final PreparedStatement removeRow;

    public LinkIndex(CqlSession session, String keyspace) {
        String columns = "owner, tag, hour, " + VIEW_COLUMNS;
        String placeholders = String.join(", ", Collections.nCopies(columns.split(",").length, "?"));
        this.row = session.prepare("INSERT INTO " + keyspace + ".links_by_owner (" + columns + ") VALUES (" + placeholders + ")");
        this.hour = session.prepare("INSERT INTO " + keyspace + ".link_hours (owner, tag, hour) VALUES (?, ?, ?)");
        this.removeRow = session.prepare("DELETE FROM " + keyspace + ".links_by_owner WHERE owner = ? AND tag = ? AND hour = ? AND created_at = ? AND id = ?");
    }

    /** Hours since the epoch: the partition a link created then is listed in. */
    static int hourOf(Instant createdAt) {
        return Math.toIntExact(Math.floorDiv(createdAt.toEpochMilli(), HOUR_MILLIS));
    }

    static Instant startOf(int hour) {
        return Instant.ofEpochMilli(hour * HOUR_MILLIS);
    }

    /** The lists a link is in: all of its account's links, and each of its tags. */
    private static List<String> listsOf(Link link) {
        List<String> lists = new ArrayList<>();
        lists.add(ALL);
        lists.addAll(link.tags());
        return lists;
    }

    /** What lists {@code link}: nothing for a link without an owner. */
    public List<BatchableStatement<?>> add(Link link) {
        return write(link, false);
    }

    /**
     * What lists {@code after} instead of {@code before} (the same link, edited). Rows it keeps are
     * overwritten, not removed and added: in one batch a delete and an insert of a row share a timestamp,
     * and the delete would win. What {@code after} no longer has is written as null, so the old value goes.
     */
    public List<BatchableStatement<?>> replace(Link before, Link after) {
        List<BatchableStatement<?>> statements = new ArrayList<>(write(after, true));
        for (String tag : before.tags()) {
            if (!after.tags().contains(tag)) {
                statements.add(remove(before, tag));
            }
        }
        return statements;
    }

    /** What takes {@code link} out of every list it is in. */
    public List<BatchableStatement<?>> remove(Link link) {
        if (link.owner() == null) {
            return List.of();
        }
        return listsOf(link).stream().<BatchableStatement<?>>map(tag -> remove(link, tag)).toList();
    }

    private BatchableStatement<?> remove(Link link, String tag) {
        return removeRow.bind(link.owner(), tag, hourOf(link.createdAt()), link.createdAt(), link.id()).setIdempotent(true);
    }

    private List<BatchableStatement<?>> write(Link link, boolean nulls) {
        if (link.owner() == null) {
            return List.of();
        }
        int hourOfLink = hourOf(link.createdAt());
        List<BatchableStatement<?>> statements = new ArrayList<>();
        for (String tag : listsOf(link)) {
            statements.add(view(row.boundStatementBuilder().setString("owner", link.owner()).setString("tag", tag), hourOfLink, link, nulls).build());
            statements.add(hour.bind(link.owner(), tag, hourOfLink).setIdempotent(true));
        }
        return statements;
    }

    /** {@code nulls}: write a missing value as null (an edit), rather than leave it unset (a new row: no tombstones). */
    private static BoundStatementBuilder view(BoundStatementBuilder builder, int hourOfLink, Link link, boolean nulls) {
        builder.setInt("hour", hourOfLink)
                .setInstant("created_at", link.createdAt())
                .setLong("id", link.id())
                .setString("code", link.code())
                .setString("url", link.url())
                .setInt("redirect_type", link.redirectType().status())
                .setBoolean("custom_alias", link.customAlias())
                .setIdempotence(true);
        if (nulls || link.expiresAt() != null) {
            builder.setInstant("expires_at", link.expiresAt());
        }
        if (nulls || link.title() != null) {
            builder.setString("title", link.title());
        }
        if (nulls || !link.tags().isEmpty()) {
            builder.setSet("tags", Set.copyOf(link.tags()), String.class);
        }
        if (nulls || link.maxVisits() != null) {
            builder.set("max_visits", link.maxVisits(), Long.class);
        }
        if (nulls || link.passwordHash() != null) {
            builder.setBoolean("password_protected", link.passwordHash() != null);
        }
        return builder;
    }
}
