package io.shortener.idgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Base62Test {

    private static final long SEED = Long.getLong("test.seed", System.nanoTime());

    static {
        System.out.println("%s: random seed %d (repeat with -Dtest.seed=%d)".formatted("Base62Test", SEED, SEED));
    }

    @Test
    void encodesEveryNonNegativeLongInElevenCharactersAndDecodesItBack() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 100_000; i++) {
            long value = random.nextLong(Long.MAX_VALUE);
            String code = Base62.encode(value);
            assertThat(code).as("seed %d", SEED).hasSize(11);
            assertThat(Base62.decode(code)).as("seed %d", SEED).isEqualTo(value);
        }
        assertThat(Base62.decode(Base62.encode(0))).isZero();
        assertThat(Base62.decode(Base62.encode(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void codesSortLikeTheirNumbers() {
        assertThat(Base62.encode(61)).isEqualTo("0000000000z");
        assertThat(Base62.encode(62)).isEqualTo("00000000010");
        assertThat(Base62.encode(Long.MAX_VALUE)).isEqualTo("AzL8n0Y58m7");
    }

    @Test
    void decodeRefusesWhatNoGeneratorProduces() {
        assertThat(Base62.decode("short")).isEqualTo(-1);
        assertThat(Base62.decode("AzL8n0Y58m-")).isEqualTo(-1);
        assertThat(Base62.decode("AzL8n0Y58m8")).as("Long.MAX_VALUE + 1").isEqualTo(-1);
        assertThat(Base62.decode("zzzzzzzzzzz")).isEqualTo(-1);
    }
}
