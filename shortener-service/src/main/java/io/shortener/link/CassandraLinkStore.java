package io.shortener.link;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.QueryExecutionException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import io.shortener.cassandra.CqlReads;
import io.shortener.listing.LinkIndex;
import io.shortener.rules.RedirectRules;
import io.shortener.rules.RulesParser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links in Cassandra's {@code links} table, one partition per code. Reads and writes go at the session's
 * LOCAL_QUORUM, so a region serves from its own replicas. Two things need the other regions too:
 * <ul>
 * <li>An alias is claimed with a lightweight transaction at SERIAL (a majority of all replicas, in every
 * region): two regions claiming one alias at once cannot both win. Nothing else on this table is
 * conditional, so SERIAL and LOCAL_SERIAL never meet on it.</li>
 * <li>A code absent locally is looked up again in each other region, at LOCAL_QUORUM there, before it is
 * called absent: a link made a moment ago in another region (acknowledged by a quorum of that region)
 * may not have reached this one yet (replication between datacenters is asynchronous), and a 404 for it
 * would be cached.</li>
 * </ul>
 */
public final class CassandraLinkStore implements LinkStore {

    private static final Logger LOG = LoggerFactory.getLogger(CassandraLinkStore.class);

    private static final String COLUMNS = "code, id, url, created_at, expires_at, redirect_type, custom_alias, owner, title, tags, rules, max_visits, password_hash";

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement claim;
    private final PreparedStatement select;
    private final PreparedStatement selectId;
    private final PreparedStatement markDeleted;
    private final PreparedStatement editRow;
    private final PreparedStatement selectUpdatedAt;
    private final List<String> otherRegions;
    private final LinkChanges changes;
    private final LinkIndex index;
    private final Clock clock;

    /**
     * {@code otherRegions}: the execution profiles whose requests another region's nodes coordinate
     * ({@link io.shortener.cassandra.CassandraFactory#profileIn}), to look there for a code absent here; none in one region.
     */
    public CassandraLinkStore(CqlSession session, String keyspace, List<String> otherRegions, Clock clock) {
        this.session = session;
        this.clock = clock;
        this.otherRegions = List.copyOf(otherRegions);
        this.changes = new LinkChanges(session, keyspace);
        this.index = new LinkIndex(session, keyspace);
        String table = keyspace + ".links";
        String values = " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.insert = session.prepare("INSERT INTO " + table + values);
        // Alias claims race each other: a lightweight transaction lets exactly one of them win.
        this.claim = session.prepare("INSERT INTO " + table + values + " IF NOT EXISTS");
        this.select = CqlReads.prepare(session, "SELECT " + COLUMNS + ", deleted_at FROM " + table + " WHERE code = ?");
        this.selectId = CqlReads.prepare(session, "SELECT id FROM " + table + " WHERE code = ?");
        // Not conditional: a delete must work while another region is away, which a transaction at SERIAL would not.
        this.markDeleted = session.prepare("UPDATE " + table + " SET deleted_at = ?, url = null WHERE code = ?");
        this.editRow = session.prepare("UPDATE " + table + " SET url = ?, expires_at = ?, redirect_type = ?, title = ?, tags = ?, rules = ?, max_visits = ?, password_hash = ?, updated_at = ? WHERE code = ?");
        this.selectUpdatedAt = CqlReads.prepare(session, "SELECT updated_at FROM " + table + " WHERE code = ?");
    }

    /** The link, then the rows that list it (see {@link #list}). */
    @Override
    public void insert(Link link) {
        session.execute(bind(insert, link).setIdempotent(true));
        list(link);
    }

    @Override
    public boolean claim(Link link) {
        boolean claimed;
        try {
            claimed = session.execute(bind(claim, link).setSerialConsistencyLevel(DefaultConsistencyLevel.SERIAL)).wasApplied();
        } catch (UnavailableException | AllNodesFailedException e) {
            throw new AliasClaimUnavailable(link.code(), false);
        } catch (QueryExecutionException | DriverTimeoutException e) {
            // A timeout of the transaction (under contention, or a replica slow to answer): it may have been applied.
            claimed = outcomeOf(link);
        }
        if (!claimed) {
            return false;
        }
        list(link);
        if (!otherRegions.isEmpty()) {
            tellOtherRegions(new LinkChange(link.code(), link.createdAt(), LinkChange.Kind.CLAIMED));
        }
        return true;
    }

    /**
     * The rows that list a new link, written after its own row (an unlogged batch: each at LOCAL_QUORUM).
     * Not one logged batch with the link: a logged batch first writes its batch log to two nodes of the
     * datacenter, so a create failed while a node had died and was not yet seen down, which a single
     * write at LOCAL_QUORUM survives ({@code TwoRegionsIT}). Should the list rows fail, the link is given
     * up (marked deleted, its list rows removed: it is neither listed nor served) and the create fails:
     * no acknowledged link is missing from its owner's list, and no listed link is missing. A process that
     * dies between the two writes leaves a link nobody was told of, unlisted.
     */
    private void list(Link link) {
        List<BatchableStatement<?>> listing = index.add(link);
        if (listing.isEmpty()) {
            return;
        }
        try {
            session.execute(BatchStatement.newInstance(DefaultBatchType.UNLOGGED).addAll(listing).setIdempotent(true));
        } catch (DriverException e) {
            try {
                session.execute(BatchStatement.newInstance(DefaultBatchType.UNLOGGED, markDeleted.bind(clock.instant(), link.code()))
                        .addAll(index.remove(link)).setIdempotent(true));
            } catch (DriverException alsoFailed) {
                e.addSuppressed(alsoFailed);
                LOG.error("alias {} was claimed but neither listed nor given up: it serves, unlisted", link.code(), e);
            }
            throw e;
        }
    }

    /**
     * For other regions' caches to drop a cached "absent": best effort, as such an entry lives seconds
     * (the negative TTL) and a lookup finds the alias anyway; the claim stands whatever happens here.
     */
    private void tellOtherRegions(LinkChange change) {
        try {
            changes.record(change);
        } catch (DriverException e) {
            LOG.warn("claim of {} not written to link_changes: {}", change.code(), e.toString());
        }
    }

    /**
     * Whether a claim whose answer was lost won: a read at SERIAL finishes any transaction in progress on
     * the alias first, then tells whose it is.
     */
    private boolean outcomeOf(Link link) {
        Row row;
        try {
            row = session.execute(selectId.bind(link.code()).setConsistencyLevel(DefaultConsistencyLevel.SERIAL)).one();
        } catch (QueryExecutionException | DriverTimeoutException | AllNodesFailedException e) {
            throw new AliasClaimUnavailable(link.code(), true);
        }
        if (row == null) {
            throw new AliasClaimUnavailable(link.code(), true);
        }
        return row.getLong("id") == link.id();
    }

    @Override
    public Optional<Link> find(String code) {
        Row row = session.execute(select.bind(code)).one();
        for (int i = 0; row == null && i < otherRegions.size(); i++) {
            row = lookIn(otherRegions.get(i), code);
        }
        if (row == null || row.getInstant("deleted_at") != null || row.getString("url") == null) {
            return Optional.empty();
        }
        return Optional.of(new Link(
                row.getString("code"),
                row.getLong("id"),
                row.getString("url"),
                row.getInstant("created_at"),
                row.getInstant("expires_at"),
                RedirectType.ofStatus(row.getInt("redirect_type")).orElse(RedirectType.FOUND),
                row.getBoolean("custom_alias"),
                row.getString("owner"),
                row.getString("title"),
                List.copyOf(row.getSet("tags", String.class)),
                RulesParser.load(row.getString("rules")),
                row.isNull("max_visits") ? null : row.getLong("max_visits"),
                row.getString("password_hash")));
    }

    /**
     * The row as another region's quorum has it; if that region cannot be asked now (away, or slow), the
     * local answer (none) stands: the caller's negative cache keeps that short.
     */
    private Row lookIn(String profile, String code) {
        try {
            return session.execute(select.bind(code).setExecutionProfileName(profile)
                    .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM)).one();
        } catch (UnavailableException | ReadTimeoutException | DriverTimeoutException | AllNodesFailedException e) {
            LOG.debug("code {} is absent here and {} cannot tell now: {}", code, profile, e.toString());
            return null;
        }
    }

    @Override
    public boolean delete(String code, Instant at) {
        // Read first: the update below would otherwise create a row for a code never issued; and the rows that
        // list the link are found by what it holds.
        Optional<Link> link = find(code);
        if (link.isEmpty()) {
            return false;
        }
        // Logged: once acknowledged, the delete, the rows that listed the link and the change the other regions
        // read are all bound to land.
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED)
                .addStatement(markDeleted.bind(at, code))
                .addStatements(index.remove(link.get()));
        if (!otherRegions.isEmpty()) {
            batch.addStatement(changes.insert(new LinkChange(code, at, LinkChange.Kind.DELETED)));
        }
        session.execute(batch.setIdempotence(true).build());
        return true;
    }

    /**
     * The edit, the rows that list the link, and (with other regions) the change they read, in one logged
     * batch. Not conditional, like a delete: an edit must work while another region is away. A delete that
     * races it still wins the redirect (a row with {@code deleted_at} is no link, whatever its URL).
     */
    @Override
    public Optional<Link> update(String code, UnaryOperator<Link> edit, Instant at) {
        Optional<Link> stored = find(code);
        if (stored.isEmpty()) {
            return stored;
        }
        Link before = stored.get();
        Link edited = edit.apply(before);
        Link after = new Link(before.code(), before.id(), edited.url(), before.createdAt(), edited.expiresAt(), edited.redirectType(),
                before.customAlias(), before.owner(), edited.title(), edited.tags(), edited.rules(), edited.maxVisits(),
                edited.passwordHash());
        if (after.equals(before)) {
            return Optional.of(before);
        }
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED)
                .addStatement(editRow.bind(after.url(), after.expiresAt(), after.redirectType().status(), after.title(),
                        Set.copyOf(after.tags()), stored(after.rules()), after.maxVisits(), after.passwordHash(), at,
                        after.code()))
                .addStatements(index.replace(before, after));
        if (!otherRegions.isEmpty()) {
            batch.addStatement(changes.insert(new LinkChange(after.code(), at, LinkChange.Kind.UPDATED)));
        }
        session.execute(batch.setIdempotence(true).build());
        return Optional.of(after);
    }

    @Override
    public Optional<Instant> updatedAt(String code) {
        Row row = session.execute(selectUpdatedAt.bind(code)).one();
        return row == null ? Optional.empty() : Optional.ofNullable(row.getInstant("updated_at"));
    }

    private static BoundStatement bind(PreparedStatement statement, Link link) {
        BoundStatementBuilder builder = statement.boundStatementBuilder()
                .setString("code", link.code())
                .setLong("id", link.id())
                .setString("url", link.url())
                .setInstant("created_at", link.createdAt())
                .setInt("redirect_type", link.redirectType().status())
                .setBoolean("custom_alias", link.customAlias());
        if (link.expiresAt() != null) {
            // Left unset otherwise: binding null would write a tombstone into every link that never expires.
            builder.setInstant("expires_at", link.expiresAt());
        }
        if (link.owner() != null) {
            builder.setString("owner", link.owner());
        }
        if (link.title() != null) {
            builder.setString("title", link.title());
        }
        if (!link.tags().isEmpty()) {
            builder.setSet("tags", Set.copyOf(link.tags()), String.class);
        }
        if (!link.rules().isEmpty()) {
            builder.setString("rules", stored(link.rules()));
        }
        if (link.maxVisits() != null) {
            builder.setLong("max_visits", link.maxVisits());
        }
        if (link.passwordHash() != null) {
            builder.setString("password_hash", link.passwordHash());
        }
        return builder.build();
    }

    private static String stored(RedirectRules rules) {
        return rules.isEmpty() ? null : rules.definition().toString();
    }
}
