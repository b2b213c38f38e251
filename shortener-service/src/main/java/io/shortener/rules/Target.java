package io.shortener.rules;

/** One target of a rule: a URL, and its share of the rule's traffic when the rule splits it (its weight over the sum). */
record Target(String url, int weight) {
}
