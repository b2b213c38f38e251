package io.shortener.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class CacheModelTest {

    private static final CacheModel.Level NO_L2 = new CacheModel.Level(1, 1e-9);

    @Test
    void aCacheThatHoldsEveryCodeForeverAnswersEveryRequest() {
        CacheModel model = new CacheModel(new ZipfPopularity(1_000, 1.0));

        CacheModel.Outcome outcome = model.predict(100, 1, new CacheModel.Level(1_000, 1e12), NO_L2);

        assertThat(outcome.l1HitShare()).isCloseTo(1.0, within(1e-6));
        assertThat(outcome.cassandraReadsPerSecond()).isCloseTo(0.0, within(1e-3));
    }

    @Test
    void anEntryThatExpiresHoldsACodeForRateTimesTtlOverOnePlusThat() {
        CacheModel model = new CacheModel(new ZipfPopularity(1, 1.0));

        // One code read once a second, kept 3 s after each load: hit with probability 3 / (1 + 3).
        CacheModel.Outcome outcome = model.predict(1, 1, new CacheModel.Level(10, 3), NO_L2);

        assertThat(outcome.l1HitShare()).isCloseTo(0.75, within(1e-6));
    }

    @Test
    void aLargerL2LeavesFewerReadsForCassandra() {
        CacheModel model = new CacheModel(new ZipfPopularity(10_000_000, 1.0));
        CacheModel.Level l1 = new CacheModel.Level(10_000, 60);

        double small = model.predict(5_000, 2, l1, new CacheModel.Level(100_000, 86_400)).cassandraReadsPerSecond();
        double large = model.predict(5_000, 2, l1, new CacheModel.Level(1_000_000, 86_400)).cassandraReadsPerSecond();

        assertThat(large).isLessThan(small * 0.9);
        assertThat(large).isPositive();
    }

    @Test
    void theModelPredictsWhatASimulationOfTheServicesCachesLeavesForCassandra() {
        CacheSimulation simulation = new CacheSimulation(new Options(new String[] {"cache-sim", "--sim-codes", "50000",
                "--sim-requests", "2000000", "--sim-rate", "200", "--sim-instances", "2", "--sim-l1", "1000", "--sim-l2", "10000"}, 1),
                new PrintStream(OutputStream.nullOutputStream()));

        CacheSimulation.Simulated simulated = simulation.simulate(1.0);
        CacheModel.Outcome model = simulation.modelOfTheSimulation(1.0);

        // A positive control: the caches answer some requests and leave some for Cassandra.
        assertThat(simulated.cassandraShare()).isBetween(0.02, 0.8);
        assertThat(model.cassandraShare()).isCloseTo(simulated.cassandraShare(), within(0.02));
        assertThat(simulated.l1HitShare()).isBetween(model.l1HitShare() - 0.02, model.l1CeilingShare() + 0.02);
    }
}
