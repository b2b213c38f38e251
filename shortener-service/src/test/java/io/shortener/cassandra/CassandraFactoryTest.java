package io.shortener.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.jackson.Jackson;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CassandraFactoryTest {

    private final ObjectMapper yaml = Jackson.newObjectMapper(new YAMLFactory());

    @Test
    void readsReplicationAsAMappingOfDatacentersInTheirOrder() throws Exception {
        CassandraFactory factory = yaml.readValue("replication: {us-east: 3, eu-west: 2}", CassandraFactory.class);

        assertThat(factory.getReplication()).containsExactly(entry("us-east", 3), entry("eu-west", 2));
        assertThat(factory.severalDatacenters()).isTrue();
    }

    @Test
    void readsReplicationGivenAsOneLineOfTextAsAnOverrideGivesIt() throws Exception {
        CassandraFactory factory = yaml.readValue("replication: 'us-east: 3, eu-west: 3'", CassandraFactory.class);

        assertThat(factory.getReplication()).containsExactly(entry("us-east", 3), entry("eu-west", 3));
    }

    @Test
    void refusesReplicationTextThatIsNotDatacenterColonCount() {
        assertThatThrownBy(() -> yaml.readValue("replication: 'us-east=3'", CassandraFactory.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("us-east: 3, eu-west: 3");
    }

    @Test
    void oneDatacenterByDefault() {
        assertThat(new CassandraFactory().severalDatacenters()).isFalse();
    }

    private static Map.Entry<String, Integer> entry(String datacenter, int replicas) {
        return Map.entry(datacenter, replicas);
    }
}
