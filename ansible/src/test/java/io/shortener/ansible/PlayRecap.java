package io.shortener.ansible;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PLAY RECAP block at the end of an ansible-playbook run: per host, how many tasks changed or failed. */
record PlayRecap(Map<String, Counts> hosts) {

    private static final Pattern LINE = Pattern.compile(
            "^(\\S+)\\s+: ok=(\\d+)\\s+changed=(\\d+)\\s+unreachable=(\\d+)\\s+failed=(\\d+)", Pattern.MULTILINE);

    static PlayRecap parse(String output) {
        int recap = output.lastIndexOf("PLAY RECAP");
        if (recap < 0) {
            throw new IllegalArgumentException("no PLAY RECAP in the output");
        }
        Map<String, Counts> hosts = new LinkedHashMap<>();
        Matcher matcher = LINE.matcher(output.substring(recap));
        while (matcher.find()) {
            hosts.put(matcher.group(1), new Counts(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)),
                    Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5))));
        }
        return new PlayRecap(Map.copyOf(hosts));
    }

    int totalChanged() {
        return hosts.values().stream().mapToInt(Counts::changed).sum();
    }

    record Counts(int ok, int changed, int unreachable, int failed) {
    }
}
