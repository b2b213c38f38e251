package io.shortener.clickevent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON schema that other readers get says what the record says: the same fields, types and nullability. */
class ClickEventSchemaTest {

    private final JsonNode schema = read();

    @Test
    void theSchemaHasExactlyTheRecordsFields() {
        List<String> properties = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);

        assertThat(properties).containsExactlyElementsOf(Arrays.stream(ClickEvent.class.getRecordComponents())
                .map(RecordComponent::getName).toList());
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void eachFieldHasTheTypeOfItsComponentAndOnlyTheNullableOnesMayBeLeftOut() {
        Set<String> required = new HashSet<>();
        schema.get("required").forEach(name -> required.add(name.asText()));
        for (RecordComponent component : ClickEvent.class.getRecordComponents()) {
            JsonNode property = schema.get("properties").get(component.getName());
            Set<String> types = types(property);
            Class<?> type = component.getType();
            if (type == int.class || type == long.class) {
                assertThat(types).as(component.getName()).containsExactly("integer");
            } else if (type == boolean.class) {
                assertThat(types).as(component.getName()).containsExactly("boolean");
            } else {
                assertThat(type).isEqualTo(String.class);
                assertThat(types).as(component.getName()).contains("string");
            }
            assertThat(required.contains(component.getName())).as(component.getName() + " required")
                    .isEqualTo(!types.contains("null"));
        }
        assertThat(schema.get("properties").get("schemaVersion").get("const").asInt()).isEqualTo(ClickEvent.SCHEMA_VERSION);
    }

    @Test
    void theExamplesOfThisVersionHoldOnlyTheSchemasFieldsAndAllItRequires() throws Exception {
        Set<String> properties = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        for (String line : ClickEventJsonTest.examples()) {
            JsonNode example = new ObjectMapper().readTree(line);
            Set<String> fields = new HashSet<>();
            example.fieldNames().forEachRemaining(fields::add);
            assertThat(properties).containsAll(fields);
            schema.get("required").forEach(name -> assertThat(example.get(name.asText()).isNull()).isFalse());
        }
    }

    /** A property's JSON types: its "type" (one or a list), or what its "const" or "enum" values are. */
    private static Set<String> types(JsonNode property) {
        Set<String> types = new HashSet<>();
        JsonNode type = property.get("type");
        if (type != null) {
            type.forEach(t -> types.add(t.asText()));
            if (type.isTextual()) {
                types.add(type.asText());
            }
        }
        if (property.has("const")) {
            types.add(property.get("const").isIntegralNumber() ? "integer" : "string");
        }
        if (property.has("enum")) {
            property.get("enum").forEach(value -> types.add(value.isNull() ? "null" : "string"));
        }
        return types;
    }

    private static JsonNode read() {
        try (InputStream in = ClickEvent.class.getResourceAsStream(ClickEvent.JSON_SCHEMA)) {
            return new ObjectMapper().readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
