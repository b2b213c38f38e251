package io.shortener.listing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.shortener.link.Link;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows that list an account's links ({@code links_by_owner}, {@code links_by_tag}, {@code link_hours}),
 * as statements for the caller to put in the same logged batch as the link's own row: a link is listed
 * exactly when it exists. A link without an owner (an anonymous create) is in no list.
 */
public final class LinkIndex {

    static final String ALL = "";
    private static final long HOUR_MILLIS = 3_600_000L;
    static final String VIEW_COLUMNS = "created_at, id, code, url, expires_at, redirect_type, custom_alias, title, tags";

    private final PreparedStatement byOwner;
    private final PreparedStatement byTag;
    private final PreparedStatement hour;
    private final PreparedStatement removeByOwner;
    private final PreparedStatement removeByTag;

    public LinkIndex(CqlSession session, String keyspace) {
        this.byOwner = session.prepare(insert(keyspace + ".links_by_owner", "owner, hour, " + VIEW_COLUMNS));
        this.byTag = session.prepare(insert(keyspace + ".links_by_tag", "owner, tag, hour, " + VIEW_COLUMNS));
        this.hour = session.prepare("INSERT INTO " + keyspace + ".link_hours (owner, tag, hour) VALUES (?, ?, ?)");
        this.removeByOwner = session.prepare("DELETE FROM " + keyspace + ".links_by_owner WHERE owner = ? AND hour = ? AND created_at = ? AND id = ?");
        this.removeByTag = session.prepare("DELETE FROM " + keyspace + ".links_by_tag WHERE owner = ? AND tag = ? AND hour = ? AND created_at = ? AND id = ?");
    }

    private static String insert(String table, String columns) {
        String placeholders = String.join(", ", java.util.Collections.nCopies(columns.split(",").length, "?"));
        return "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ")";
    }

    /** Hours since the epoch: the partition a link created then is listed in. */
    static int hourOf(Instant createdAt) {
        return Math.toIntExact(Math.floorDiv(createdAt.toEpochMilli(), HOUR_MILLIS));
    }

    static Instant startOf(int hour) {
        return Instant.ofEpochMilli(hour * HOUR_MILLIS);
    }

    /** What lists {@code link}: none for a link without an owner. */
    public List<BatchableStatement<?>> add(Link link) {
        if (link.owner() == null) {
            return List.of();
        }
        int hourOfLink = hourOf(link.createdAt());
        List<BatchableStatement<?>> statements = new ArrayList<>();
        statements.add(view(byOwner.boundStatementBuilder().setString("owner", link.owner()), hourOfLink, link).build());
        statements.add(hour.bind(link.owner(), ALL, hourOfLink).setIdempotent(true));
        for (String tag : link.tags()) {
            statements.add(view(byTag.boundStatementBuilder().setString("owner", link.owner()).setString("tag", tag), hourOfLink, link).build());
            statements.add(hour.bind(link.owner(), tag, hourOfLink).setIdempotent(true));
        }
        return statements;
    }

    /**
     * What lists {@code after} instead of {@code before} (the same link, edited). Rows it keeps are
     * overwritten, not removed and added: in one batch a delete and an insert of a row share a timestamp,
     * and the delete would win.
     */
    public List<BatchableStatement<?>> replace(Link before, Link after) {
        if (after.owner() == null) {
            return List.of();
        }
        int hourOfLink = hourOf(after.createdAt());
        List<BatchableStatement<?>> statements = new ArrayList<>();
        statements.add(edited(byOwner.boundStatementBuilder().setString("owner", after.owner()), hourOfLink, after).build());
        statements.add(hour.bind(after.owner(), ALL, hourOfLink).setIdempotent(true));
        for (String tag : after.tags()) {
            statements.add(edited(byTag.boundStatementBuilder().setString("owner", after.owner()).setString("tag", tag), hourOfLink, after).build());
            statements.add(hour.bind(after.owner(), tag, hourOfLink).setIdempotent(true));
        }
        for (String tag : before.tags()) {
            if (!after.tags().contains(tag)) {
                statements.add(removeByTag.bind(before.owner(), tag, hourOfLink, before.createdAt(), before.id()).setIdempotent(true));
            }
        }
        return statements;
    }

    /** An edited link's row: what it no longer has is written as null, so the old value goes. */
    private static BoundStatementBuilder edited(BoundStatementBuilder builder, int hourOfLink, Link link) {
        return view(builder, hourOfLink, link)
                .setInstant("expires_at", link.expiresAt())
                .setString("title", link.title())
                .setSet("tags", java.util.Set.copyOf(link.tags()), String.class);
    }

    /** What takes {@code link} out of every list it is in. */
    public List<BatchableStatement<?>> remove(Link link) {
        if (link.owner() == null) {
            return List.of();
        }
        int hourOfLink = hourOf(link.createdAt());
        List<BatchableStatement<?>> statements = new ArrayList<>();
        statements.add(removeByOwner.bind(link.owner(), hourOfLink, link.createdAt(), link.id()).setIdempotent(true));
        for (String tag : link.tags()) {
            statements.add(removeByTag.bind(link.owner(), tag, hourOfLink, link.createdAt(), link.id()).setIdempotent(true));
        }
        return statements;
    }

    private static BoundStatementBuilder view(BoundStatementBuilder builder, int hourOfLink, Link link) {
        builder.setInt("hour", hourOfLink)
                .setInstant("created_at", link.createdAt())
                .setLong("id", link.id())
                .setString("code", link.code())
                .setString("url", link.url())
                .setInt("redirect_type", link.redirectType().status())
                .setBoolean("custom_alias", link.customAlias())
                .setIdempotence(true);
        // Left unset rather than null: a null would write a tombstone into the row.
        if (link.expiresAt() != null) {
            builder.setInstant("expires_at", link.expiresAt());
        }
        if (link.title() != null) {
            builder.setString("title", link.title());
        }
        if (!link.tags().isEmpty()) {
            builder.setSet("tags", java.util.Set.copyOf(link.tags()), String.class);
        }
        return builder;
    }
}
