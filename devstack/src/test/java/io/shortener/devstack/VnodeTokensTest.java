package io.shortener.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class VnodeTokensTest {

    private static final BigInteger MIN = BigInteger.TWO.pow(63).negate();
    private static final BigInteger MAX = BigInteger.TWO.pow(63).subtract(BigInteger.ONE);

    @Test
    void everyNodeGetsItsNumberOfTokensWithinTheMurmur3Range() {
        List<List<String>> tokens = VnodeTokens.forDatacenter(0, 3, 16);

        assertThat(tokens).hasSize(3).allSatisfy(node -> assertThat(node).hasSize(16));
        assertThat(tokens.stream().flatMap(List::stream).map(BigInteger::new))
                .allSatisfy(token -> assertThat(token).isBetween(MIN, MAX));
    }

    @Test
    void theNodesOfADatacenterOwnEqualSharesOfItsRing() {
        List<List<String>> tokens = VnodeTokens.forDatacenter(0, 3, 16);
        // Interleaved: walking the ring in token order, the owner goes 0, 1, 2, 0, 1, 2, … at equal steps.
        List<BigInteger> ring = tokens.stream().flatMap(List::stream).map(BigInteger::new).sorted().toList();
        BigInteger step = ring.get(1).subtract(ring.get(0));
        for (int i = 1; i < ring.size(); i++) {
            assertThat(ring.get(i).subtract(ring.get(i - 1))).isEqualTo(step);
            assertThat(tokens.get(i % 3)).contains(ring.get(i).toString());
        }
    }

    @Test
    void noTwoNodesOfTheClusterShareAToken() {
        Set<String> seen = new HashSet<>();
        Stream.of(VnodeTokens.forDatacenter(0, 3, 16), VnodeTokens.forDatacenter(1, 3, 16))
                .flatMap(List::stream).flatMap(List::stream)
                .forEach(token -> assertThat(seen.add(token)).as("token %s once", token).isTrue());
        assertThat(seen).hasSize(96);
    }

    @Test
    void refusesADatacenterWithoutNodes() {
        assertThatThrownBy(() -> VnodeTokens.forDatacenter(0, 0, 16)).isInstanceOf(IllegalArgumentException.class);
    }
}
