package io.shortener.link;

import io.shortener.error.ApiException;

/**
 * An alias claim that could not be decided now: aliases are unique across every region, so a claim
 * needs a majority of all replicas (SERIAL), which a region away takes out of reach. Generated codes
 * need no such agreement and keep working.
 */
public final class AliasClaimUnavailable extends ApiException {

    public AliasClaimUnavailable(String alias, boolean outcomeUnknown) {
        super(503, outcomeUnknown
                ? "the claim of alias '" + alias + "' got no answer in time (a claim needs a majority of the replicas in all regions);"
                        + " it may or may not have been taken: GET /api/v1/links/" + alias + " tells, or try again"
                : "custom aliases are claimed across all regions and a region is unreachable now; try again later, or create the"
                        + " link without an alias");
    }
}
