package io.shortener.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shortener.error.ApiException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Redirect rules from their JSON (a request's {@code rules}, or what a store kept), checked and compiled.
 * A rule is {@code {"when": {...}, "url": "..."}} or {@code {"when": {...}, "split": [{"url": "...", "weight": 50}, ...]}};
 * {@code when} is optional and holds any of {@code country}, {@code device}, {@code os}, {@code language}
 * (arrays: one of the values), {@code query} (an object: each parameter with its value, {@code *} for any)
 * and {@code from}/{@code until} (ISO-8601 date-times). Every condition given must match.
 */
public final class RulesParser {

    public static final int MAX_RULES = 20;
    public static final int MAX_TARGETS = 10;
    public static final int MAX_WEIGHT = 10_000;
    static final int MAX_VALUES = 50;
    static final int MAX_QUERY_PARAMETERS = 10;
    static final int MAX_QUERY_CHARS = 200;
    /** The device classes of the click events (and the stats). */
    public static final Set<String> DEVICES = Set.of("desktop", "mobile", "tablet", "bot", "other");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern OS = Pattern.compile("[\\p{L}\\p{N} ._-]{1,50}");
    private static final Set<String> RULE_FIELDS = Set.of("when", "url", "split");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RulesParser() {
    }

    /**
     * The rules of a request, each target URL passed through {@code checkUrl} (which normalises it or
     * throws the create's 400); null or an empty array is no rules. A 400 naming the first problem found.
     */
    public static RedirectRules parse(JsonNode json, UnaryOperator<String> checkUrl) {
        if (json == null || json.isNull() || json.isArray() && json.isEmpty()) {
            return RedirectRules.NONE;
        }
        if (!json.isArray()) {
            throw bad("rules must be an array of rules like [{\"when\": {\"country\": [\"DE\"]}, \"url\": \"https://example.de\"}]");
        }
        if (json.size() > MAX_RULES) {
            throw bad("a link may have at most " + MAX_RULES + " rules");
        }
        List<RedirectRule> rules = new ArrayList<>();
        ArrayNode definition = NODES.arrayNode();
        for (int i = 0; i < json.size(); i++) {
            ObjectNode normalised = NODES.objectNode();
            rules.add(rule(i + 1, "rules[" + i + "]", json.get(i), checkUrl, normalised));
            definition.add(normalised);
        }
        return new RedirectRules(rules, definition);
    }

    /** Rules as a store kept them (checked when they were written); null or blank is none. */
    public static RedirectRules load(String stored) {
        if (stored == null || stored.isBlank()) {
            return RedirectRules.NONE;
        }
        try {
            return parse(JSON.readTree(stored), UnaryOperator.identity());
        } catch (JsonProcessingException | ApiException e) {
            throw new IllegalStateException("stored redirect rules do not parse: " + stored, e);
        }
    }

    private static RedirectRule rule(int number, String at, JsonNode json, UnaryOperator<String> checkUrl, ObjectNode normalised) {
        if (json == null || !json.isObject()) {
            throw bad(at + " must be an object with a url or a split, and optionally when");
        }
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            if (!RULE_FIELDS.contains(field.getKey())) {
                throw bad(at + " has '" + field.getKey() + "': a rule has when, and url or split");
            }
        }
        List<Condition> conditions = json.has("when") ? conditions(at + ".when", json.get("when"), normalised.putObject("when")) : List.of();
        if (json.has("url") == json.has("split")) {
            throw bad(at + " must have either a url or a split");
        }
        List<Target> targets = new ArrayList<>();
        if (json.has("url")) {
            String url = url(at + ".url", json.get("url"), checkUrl);
            normalised.put("url", url);
            targets.add(new Target(url, 1));
        } else {
            targets = split(at + ".split", json.get("split"), checkUrl, normalised.putArray("split"));
        }
        return new RedirectRule(number, conditions, targets);
    }

    private static List<Target> split(String at, JsonNode json, UnaryOperator<String> checkUrl, ArrayNode normalised) {
        if (json == null || !json.isArray() || json.size() < 2 || json.size() > MAX_TARGETS) {
            throw bad(at + " must be an array of 2 to " + MAX_TARGETS + " targets like {\"url\": \"https://example.com/a\", \"weight\": 50}");
        }
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            String here = at + "[" + i + "]";
            JsonNode target = json.get(i);
            if (!target.isObject() || !target.has("url") || !target.has("weight") || target.size() != 2) {
                throw bad(here + " must be an object with exactly a url and a weight");
            }
            JsonNode weight = target.get("weight");
            if (!weight.isIntegralNumber() || !weight.canConvertToInt() || weight.intValue() < 1 || weight.intValue() > MAX_WEIGHT) {
                throw bad(here + ".weight must be a whole number from 1 to " + MAX_WEIGHT);
            }
            String url = url(here + ".url", target.get("url"), checkUrl);
            targets.add(new Target(url, weight.intValue()));
            normalised.addObject().put("url", url).put("weight", weight.intValue());
        }
        return targets;
    }

    private static String url(String at, JsonNode json, UnaryOperator<String> checkUrl) {
        if (!json.isTextual()) {
            throw bad(at + " must be a string");
        }
        try {
            return checkUrl.apply(json.textValue());
        } catch (ApiException e) {
            throw new ApiException(e.status(), at + ": " + e.getMessage());
        }
    }

    private static List<Condition> conditions(String at, JsonNode json, ObjectNode normalised) {
        if (!json.isObject() || json.isEmpty()) {
            throw bad(at + " must be an object with at least one of country, device, os, language, query, from, until");
        }
        List<Condition> conditions = new ArrayList<>();
        Instant from = null;
        Instant until = null;
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            String name = field.getKey();
            String here = at + "." + name;
            JsonNode value = field.getValue();
            switch (name) {
                case "country" -> {
                    Set<String> countries = values(here, value, COUNTRY, "two-letter country codes like [\"DE\", \"AT\"]",
                            code -> code.toUpperCase(Locale.ROOT));
                    normalised.set(name, array(countries));
                    conditions.add(new Condition.CountryIn(Set.copyOf(countries)));
                }
                case "device" -> {
                    Set<String> devices = values(here, value, null, "device classes: desktop, mobile, tablet, bot, other",
                            device -> device.toLowerCase(Locale.ROOT));
                    if (!DEVICES.containsAll(devices)) {
                        throw bad(here + " must hold device classes: desktop, mobile, tablet, bot, other");
                    }
                    normalised.set(name, array(devices));
                    conditions.add(new Condition.DeviceIn(Set.copyOf(devices)));
                }
                case "os" -> {
                    Set<String> families = values(here, value, OS, "operating systems like [\"iOS\", \"Android\", \"Windows\", \"Mac OS X\"]",
                            family -> family);
                    normalised.set(name, array(families));
                    conditions.add(new Condition.OsIn(List.copyOf(families)));
                }
                case "language" -> {
                    Set<String> languages = values(here, value, LANGUAGE, "language tags like [\"de\", \"en-GB\"]",
                            language -> language.toLowerCase(Locale.ROOT));
                    normalised.set(name, array(languages));
                    conditions.add(new Condition.LanguageIn(List.copyOf(languages)));
                }
                case "query" -> conditions.addAll(query(here, value, normalised.putObject(name)));
                case "from" -> {
                    from = instant(here, value);
                    normalised.put(name, from.toString());
                }
                case "until" -> {
                    until = instant(here, value);
                    normalised.put(name, until.toString());
                }
                default -> throw bad(at + " has '" + name + "': conditions are country, device, os, language, query, from, until");
            }
        }
        if (from != null && until != null && !from.isBefore(until)) {
            throw bad(at + ".from must be before " + at + ".until");
        }
        if (from != null || until != null) {
            conditions.add(new Condition.During(from, until));
        }
        return conditions;
    }

    private static List<Condition> query(String at, JsonNode json, ObjectNode normalised) {
        if (!json.isObject() || json.isEmpty() || json.size() > MAX_QUERY_PARAMETERS) {
            throw bad(at + " must be an object of 1 to " + MAX_QUERY_PARAMETERS + " parameters and their values, like {\"src\": \"qr\"} "
                    + "(\"*\" for any value)");
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> parameter : json.properties()) {
            String name = parameter.getKey();
            JsonNode value = parameter.getValue();
            if (name.isEmpty() || name.length() > MAX_QUERY_CHARS || !value.isTextual() || value.textValue().length() > MAX_QUERY_CHARS) {
                throw bad(at + "." + name + " must be a string of at most " + MAX_QUERY_CHARS + " characters, with a name of 1 to "
                        + MAX_QUERY_CHARS);
            }
            normalised.put(name, value.textValue());
            conditions.add(new Condition.QueryHas(name, value.textValue()));
        }
        return conditions;
    }

    private static Set<String> values(String at, JsonNode json, Pattern pattern, String what, UnaryOperator<String> normalise) {
        if (!json.isArray() || json.isEmpty() || json.size() > MAX_VALUES) {
            throw bad(at + " must be an array of 1 to " + MAX_VALUES + " " + what);
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode element : json) {
            if (!element.isTextual() || pattern != null && !pattern.matcher(element.textValue()).matches()) {
                throw bad(at + " must be an array of " + what);
            }
            values.add(normalise.apply(element.textValue()));
        }
        return values;
    }

    private static Instant instant(String at, JsonNode json) {
        if (json.isTextual()) {
            try {
                return OffsetDateTime.parse(json.textValue()).toInstant().truncatedTo(ChronoUnit.MILLIS);
            } catch (DateTimeParseException e) {
                // answered below
            }
        }
        throw bad(at + " must be an ISO-8601 date-time with an offset, like 2026-12-24T00:00:00Z");
    }

    private static ArrayNode array(Set<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static ApiException bad(String message) {
        return ApiException.badRequest(message);
    }
}
