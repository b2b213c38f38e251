package io.shortener.analytics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Kafka record's value (the event's JSON, as bytes) as a row of {@link ClickEventSchema}: what Spark's
 * {@code from_json} did, at a fraction of its cost. {@code from_json} decodes each record through an
 * InputStreamReader (a new 8 KB buffer per record) into a character-based parser and converts each value
 * through a chain of closures: a quarter of the job's CPU in a profile. Here Jackson's parser reads the
 * bytes as they are, and each field goes straight to its slot.
 *
 * <p>What {@code from_json} would leave null stays null: a value that is not a JSON object gives no row
 * at all; a field of the wrong type, an unknown field or a nested value is left out. The job skips an
 * event that lacks what a count needs, after the de-duplication.
 */
final class ClickEventDecoder implements UDF1<byte[], Row> {

    private static final long serialVersionUID = 1L;

    private final StructType schema;
    private transient JsonFactory json;
    private transient Map<String, Integer> slots;
    private transient Slot[] types;

    ClickEventDecoder(StructType schema) {
        this.schema = schema;
    }

    @Override
    public Row call(byte[] value) {
        if (value == null) {
            return null;
        }
        if (json == null) {
            prepare();
        }
        Object[] fields = new Object[types.length];
        try (JsonParser parser = json.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String name;
            while ((name = parser.nextFieldName()) != null) {
                JsonToken token = parser.nextToken();
                Integer slot = slots.get(name);
                if (slot == null) {
                    parser.skipChildren();
                } else {
                    fields[slot] = types[slot].read(parser, token);
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        return RowFactory.create(fields);
    }

    private void prepare() {
        json = new JsonFactory();
        slots = new HashMap<>();
        types = new Slot[schema.fields().length];
        for (int i = 0; i < types.length; i++) {
            StructField field = schema.fields()[i];
            slots.put(field.name(), i);
            types[i] = Slot.of(field.dataType());
        }
    }

    /** How one field's JSON value becomes the Spark value of its type; null for a value of another type. */
    private enum Slot {
        INT {
            @Override
            Object read(JsonParser parser, JsonToken token) throws IOException {
                return token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
                        ? parser.getIntValue() : skip(parser);
            }
        },
        LONG {
            @Override
            Object read(JsonParser parser, JsonToken token) throws IOException {
                return token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                        ? parser.getLongValue() : skip(parser);
            }
        },
        BOOLEAN {
            @Override
            Object read(JsonParser parser, JsonToken token) throws IOException {
                return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE ? token == JsonToken.VALUE_TRUE : skip(parser);
            }
        },
        STRING {
            @Override
            Object read(JsonParser parser, JsonToken token) throws IOException {
                return token == JsonToken.VALUE_STRING ? parser.getText() : skip(parser);
            }
        };

        abstract Object read(JsonParser parser, JsonToken token) throws IOException;

        static Object skip(JsonParser parser) throws IOException {
            parser.skipChildren();
            return null;
        }

        static Slot of(DataType type) {
            if (type.equals(DataTypes.IntegerType)) {
                return INT;
            }
            if (type.equals(DataTypes.LongType)) {
                return LONG;
            }
            if (type.equals(DataTypes.BooleanType)) {
                return BOOLEAN;
            }
            if (type.equals(DataTypes.StringType)) {
                return STRING;
            }
            throw new IllegalArgumentException("no decoding for a click event field of type " + type);
        }
    }
}
