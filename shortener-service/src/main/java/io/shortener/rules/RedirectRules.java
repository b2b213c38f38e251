package io.shortener.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A link's redirect rules, compiled when the link is loaded (from Cassandra, Redis or a request), so that
 * a redirect only compares: the first rule that matches the visit chooses the target; when none does,
 * the link's own URL serves. Equal when their definitions are.
 */
public final class RedirectRules {

    /** A link without rules. */
    public static final RedirectRules NONE = new RedirectRules(List.of(), null);

    private final List<RedirectRule> rules;
    private final JsonNode definition;

    RedirectRules(List<RedirectRule> rules, JsonNode definition) {
        this.rules = List.copyOf(rules);
        this.definition = definition;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public int size() {
        return rules.size();
    }

    /** Where the first matching rule sends this visit; null when no rule matches (the link's URL serves). */
    public Choice choose(Visit visit, String code) {
        for (RedirectRule rule : rules) {
            if (rule.matches(visit)) {
                return rule.choose(visit, code);
            }
        }
        return null;
    }

    /** The rules as the API shows them and the stores keep them (normalised JSON array); null when there are none. */
    public JsonNode definition() {
        return definition;
    }

    /** Every target URL of every rule. */
    public Stream<String> urls() {
        return rules.stream().flatMap(rule -> rule.targets().stream()).map(Target::url);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RedirectRules that && Objects.equals(definition, that.definition);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(definition);
    }

    @Override
    public String toString() {
        return definition == null ? "[]" : definition.toString();
    }
}
