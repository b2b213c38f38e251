package io.shortener.rules;

import java.util.List;

/**
 * One rule, compiled: every condition must match (none: it matches every visit), then its single target,
 * or one of its split's targets by weight, chosen by who the visitor is.
 */
record RedirectRule(int number, List<Condition> conditions, List<Target> targets, int totalWeight) {

    RedirectRule(int number, List<Condition> conditions, List<Target> targets) {
        this(number, List.copyOf(conditions), List.copyOf(targets), targets.stream().mapToInt(Target::weight).sum());
    }

    boolean matches(Visit visit) {
        for (Condition condition : conditions) {
            if (!condition.matches(visit)) {
                return false;
            }
        }
        return true;
    }

    Choice choose(Visit visit, String code) {
        if (targets.size() == 1) {
            return new Choice(targets.get(0).url(), number, 0);
        }
        long bucket = Long.remainderUnsigned(visit.visitorHash(code, number), totalWeight);
        for (int i = 0; i < targets.size(); i++) {
            bucket -= targets.get(i).weight();
            if (bucket < 0) {
                return new Choice(targets.get(i).url(), number, i + 1);
            }
        }
        throw new IllegalStateException("weights sum to " + totalWeight);
    }
}
