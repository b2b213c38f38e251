package io.shortener.safety;

import java.util.Optional;

/** Which blocked domain, if any, covers a host: what a create asks before it stores a link. */
@FunctionalInterface
public interface BlockedDomains {

    BlockedDomains NONE = host -> Optional.empty();

    Optional<BlockedEntry> domainBlocking(String host);
}
