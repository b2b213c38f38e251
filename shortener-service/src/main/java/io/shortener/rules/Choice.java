package io.shortener.rules;

/**
 * Where a rule sent one visit: the target's URL, the rule's number (from 1, in the link's order) and the
 * variant's (from 1, in the split's order; 0 for a rule with a single target).
 */
public record Choice(String url, int rule, int variant) {
}
