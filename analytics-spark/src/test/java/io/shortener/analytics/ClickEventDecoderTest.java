package io.shortener.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.Test;

class ClickEventDecoderTest {

    private final ClickEventDecoder decoder = new ClickEventDecoder(ClickEventSchema.CURRENT);

    @Test
    void readsEachFieldIntoItsSlotWhateverTheOrder() {
        Row row = decode("{\"visitorId\":\"v\",\"bot\":true,\"code\":\"abc\",\"eventId\":119011901354016768,\"region\":2,"
                + "\"timestamp\":1795600248400,\"country\":null}");

        assertThat(row.<Long>getAs("eventId")).isEqualTo(119011901354016768L);
        assertThat(row.<String>getAs("code")).isEqualTo("abc");
        assertThat(row.<Long>getAs("timestamp")).isEqualTo(1795600248400L);
        assertThat(row.<Integer>getAs("region")).isEqualTo(2);
        assertThat(row.<Boolean>getAs("bot")).isTrue();
        assertThat(row.<String>getAs("visitorId")).isEqualTo("v");
        assertThat(row.<String>getAs("country")).isNull();
        assertThat(row.<String>getAs("referrerHost")).as("absent").isNull();
    }

    @Test
    void unescapesStringsAndReadsUtf8() {
        Row row = decode("{\"browser\":\"Googlebot \\\"2.1\\\" \\\\ \\u00e9 é\"}");

        assertThat(row.<String>getAs("browser")).isEqualTo("Googlebot \"2.1\" \\ é é");
    }

    @Test
    void leavesOutUnknownFieldsNestedValuesAndValuesOfTheWrongType() {
        Row row = decode("{\"added\":{\"a\":[1,{\"b\":2}]},\"eventId\":\"7\",\"region\":3000000000,\"instance\":1.5,"
                + "\"bot\":\"yes\",\"code\":[\"x\"],\"os\":{\"name\":\"Linux\"},\"browser\":\"Chrome\"}");

        assertThat(row.<Long>getAs("eventId")).isNull();
        assertThat(row.<Integer>getAs("region")).isNull();
        assertThat(row.<Integer>getAs("instance")).isNull();
        assertThat(row.<Boolean>getAs("bot")).isNull();
        assertThat(row.<String>getAs("code")).isNull();
        assertThat(row.<String>getAs("os")).isNull();
        assertThat(row.<String>getAs("browser")).as("the field after them all").isEqualTo("Chrome");
    }

    @Test
    void givesNoRowForWhatIsNotOneJsonObject() {
        assertThat(decode("not json")).isNull();
        assertThat(decode("[1,2]")).isNull();
        assertThat(decode("\"text\"")).isNull();
        assertThat(decode("{\"code\":\"cut short")).isNull();
        assertThat(decode("")).isNull();
        assertThat(decoder.call(null)).isNull();
    }

    private Row decode(String json) {
        Row row = decoder.call(json.getBytes(StandardCharsets.UTF_8));
        return row == null ? null : new GenericRowWithSchema(
                toArray(row), ClickEventSchema.CURRENT);
    }

    private static Object[] toArray(Row row) {
        Object[] values = new Object[row.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i);
        }
        return values;
    }
}
