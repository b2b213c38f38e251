package io.shortener.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.shortener.clickevent.ClickEvent;
import io.shortener.clickevent.ClickEventJson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract between the service and the job: an event as the service writes it (ClickEventJson) is
 * read by the job's own parsing, field by field, and so is every example event of the versions the
 * contract module ships (an event still in Kafka from before an upgrade must still be counted).
 */
class ClickEventContractTest {

    private static final StructType KAFKA_RECORD = new StructType()
            .add("value", DataTypes.StringType).add("timestamp", DataTypes.TimestampType);
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start("contract", 1);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void anEventWrittenByTheServiceIsReadByTheJobFieldByField() {
        List<ClickEvent> written = List.of(
                new ClickEvent(ClickEvent.SCHEMA_VERSION, 119011901354016768L, "launch-2027", 1795600248400L, 2, 31,
                        "news.example.com", "mobile", "Mobile Safari", "iOS", false, "DE", "f0c9ac01045be47a5f252d76f11156f8", 3, 2),
                new ClickEvent(ClickEvent.SCHEMA_VERSION, Long.MAX_VALUE, "Zq3_x-9", 0L, 0, 0, null, "bot",
                        "Googlebot \"2.1\" \\ é", "Other", true, null, "00000000000000000000000000000000", 0, 0));

        List<Row> read = read(written.stream().map(ClickEventJson::write).toList());

        assertThat(read).hasSize(written.size());
        for (int i = 0; i < written.size(); i++) {
            assertThat(fields(read.get(i))).isEqualTo(fields(written.get(i)));
        }
    }

    @Test
    void theExampleEventsOfEveryShippedVersionAreStillRead() throws Exception {
        for (String version : List.of("v1", "v2")) {
            List<String> examples = examples("/io/shortener/clickevent/examples/click-event-" + version + ".jsonl");

            List<Row> read = read(examples);

            assertThat(read).as(version).hasSameSizeAs(examples).allSatisfy(row -> {
                assertThat(row.<Long>getAs("eventId")).isPositive();
                assertThat(row.<String>getAs("code")).isNotBlank();
                assertThat(row.<String>getAs("visitorId")).hasSize(32);
            });
            assertThat(read.get(0).<String>getAs("country")).isEqualTo("DE");
            assertThat(read.get(1).<String>getAs("referrerHost")).isNull();
        }
    }

    @Test
    void anEventOfVersionOneIsCountedAsServedByTheLinksOwnUrl() throws Exception {
        Row v1 = read(examples("/io/shortener/clickevent/examples/click-event-v1.jsonl")).get(0);
        Row v2 = read(examples(ClickEvent.EXAMPLES)).get(0);

        CountedClick.Fields fields = CountedClick.Fields.of(v1.schema());
        assertThat(fields.read(v1).target()).isEqualTo("0.0");
        assertThat(fields.read(v2).target()).isEqualTo("2.1");
    }

    @Test
    void whatCannotBeCountedIsSkippedNotFailedOn() {
        List<Row> read = read(List.of("not json", "{\"code\":\"x\"}", "{}",
                ClickEventJson.write(new ClickEvent(1, 7, "kept", 1, 0, 0, null, "desktop", "Chrome", "Linux", false, null,
                        "0123456789abcdef0123456789abcdef", 0, 0))));

        assertThat(read).extracting(row -> row.<String>getAs("code")).containsExactly("kept");
    }

    private static List<Row> read(List<String> lines) {
        List<Row> records = new ArrayList<>();
        for (String line : lines) {
            records.add(RowFactory.create(line, new Timestamp(System.currentTimeMillis())));
        }
        Dataset<Row> parsed = ClickAggregationJob.parsed(spark.createDataFrame(records, KAFKA_RECORD));
        return parsed.collectAsList();
    }

    private static List<Object> fields(ClickEvent event) {
        List<Object> values = new ArrayList<>();
        for (RecordComponent component : ClickEvent.class.getRecordComponents()) {
            try {
                values.add(component.getAccessor().invoke(event));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }

    private static List<Object> fields(Row row) {
        List<Object> values = new ArrayList<>();
        for (RecordComponent component : ClickEvent.class.getRecordComponents()) {
            values.add(row.getAs(component.getName()));
        }
        return values;
    }

    private static List<String> examples(String resource) throws Exception {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(ClickEvent.class.getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank()).toList();
        }
    }
}
