package io.shortener.access;

import io.shortener.error.ApiException;
import io.shortener.link.Link;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is asking: the API key's name, its account and scopes; or an anonymous creator, where the operator
 * allows anonymous creates. A caller sees the links of its own account; an {@code admin} key sees all.
 */
public record Caller(String keyName, String account, Set<Scope> scopes) {

    /** Someone without a key, allowed to create links (nothing else) where the operator opened that. */
    public static final Caller ANONYMOUS = new Caller(null, null, EnumSet.of(Scope.LINKS_WRITE));

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope) || scopes.contains(Scope.ADMIN);
    }

    /** 403 unless the key has the scope. */
    public void require(Scope scope) {
        if (!has(scope)) {
            throw new ApiException(403, "the API key '" + keyName + "' does not have the scope " + scope.text()
                    + " (it has " + Scope.list(scopes) + ")");
        }
    }

    /** Whether this caller may see the link at all; a link it may not see is answered as if it did not exist. */
    public boolean sees(Link link) {
        return has(Scope.ADMIN) || account != null && Objects.equals(account, link.owner());
    }
}
