package io.shortener.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shortener.error.ApiException;
import io.shortener.link.Link;
import io.shortener.link.RedirectType;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static Link ownedBy(String owner) {
        return new Link("abc", 1, "https://example.com", Instant.EPOCH, null, RedirectType.FOUND, false, owner);
    }

    @Test
    void aCallerSeesItsOwnAccountsLinksOnly() {
        Caller alice = new Caller("alice-key", "alice", EnumSet.of(Scope.LINKS_READ));

        assertThat(alice.sees(ownedBy("alice"))).isTrue();
        assertThat(alice.sees(ownedBy("bob"))).isFalse();
        assertThat(alice.sees(ownedBy(null))).as("an anonymous link").isFalse();
    }

    @Test
    void anAdminSeesEveryLinkAndHasEveryScope() {
        Caller admin = new Caller("root", "admin", EnumSet.of(Scope.ADMIN));

        assertThat(admin.sees(ownedBy("bob"))).isTrue();
        assertThat(admin.sees(ownedBy(null))).isTrue();
        assertThat(admin.has(Scope.STATS_READ)).isTrue();
    }

    @Test
    void aMissingScopeIsA403ThatNamesIt() {
        Caller reader = new Caller("reader", "alice", EnumSet.of(Scope.LINKS_READ));

        assertThatThrownBy(() -> reader.require(Scope.LINKS_WRITE)).isInstanceOf(ApiException.class)
                .hasMessageContaining("links:write").matches(e -> ((ApiException) e).status() == 403);
    }

    @Test
    void anonymousCallersMayOnlyCreateAndSeeNothing() {
        assertThat(Caller.ANONYMOUS.has(Scope.LINKS_WRITE)).isTrue();
        assertThat(Caller.ANONYMOUS.has(Scope.LINKS_READ)).isFalse();
        assertThat(Caller.ANONYMOUS.sees(ownedBy(null))).isFalse();
    }

    @Test
    void scopesParseFromTheirNamesOrAll() {
        assertThat(Scope.parseList("links:read, stats:read")).containsExactlyInAnyOrder(Scope.LINKS_READ, Scope.STATS_READ);
        assertThat(Scope.parseList("all")).containsExactlyInAnyOrder(Scope.values());
        assertThatThrownBy(() -> Scope.parseList("links:delete")).hasMessageContaining("unknown scope");
        assertThatThrownBy(() -> Scope.parseList(" , ")).hasMessageContaining("at least one");
    }
}
