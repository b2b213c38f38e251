package io.shortener.cassandra;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replicas per datacenter, as a YAML mapping ({@code {us-east: 3, eu-west: 3}}) or as the same in one line
 * of text ({@code "us-east: 3, eu-west: 3"}): a {@code -Ddw.cassandra.replication=…} override can only give
 * text, and must replace the whole mapping rather than add a datacenter to the default one.
 */
final class ReplicationFactorsDeserializer extends JsonDeserializer<Map<String, Integer>> {

    @Override
    public Map<String, Integer> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return parser.readValueAs(new TypeReference<LinkedHashMap<String, Integer>>() { });
        }
        Map<String, Integer> factors = new LinkedHashMap<>();
        for (String entry : parser.getText().split(",")) {
            String[] pair = entry.split(":");
            if (pair.length != 2 || pair[0].isBlank() || !pair[1].trim().matches("\\d{1,2}")) {
                return context.reportInputMismatch(Map.class, "replication must read like 'us-east: 3, eu-west: 3', not '%s'",
                        parser.getText());
            }
            factors.put(pair[0].trim(), Integer.parseInt(pair[1].trim()));
        }
        return factors;
    }
}
