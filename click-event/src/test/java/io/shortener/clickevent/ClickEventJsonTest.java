package io.shortener.clickevent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class ClickEventJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void writesTheExamplesOfThisVersionByteForByte() throws Exception {
        List<String> examples = examples();
        ClickEvent first = new ClickEvent(2, 119011901354016768L, "launch-2027", 1795600248400L, 0, 0, "news.example.com",
                "mobile", "Mobile Safari", "iOS", false, "DE", "f0c9ac01045be47a5f252d76f11156f8", 2, 1);
        ClickEvent second = new ClickEvent(2, 119011901354016769L, "Zq3_x-9", 1795600248401L, 3, 17, null, "bot", "Googlebot",
                "Other", true, null, "00000000000000000000000000000000", 0, 0);

        assertThat(ClickEventJson.write(first)).isEqualTo(examples.get(0));
        assertThat(ClickEventJson.write(second)).isEqualTo(examples.get(1));
    }

    @Test
    void whatItWritesAJsonLibraryReadsBackToTheSameEventWhateverTheStringsHold() throws Exception {
        String nasty = "quote \" backslash \\ newline \n tab \t bell \u0007 nul \u0000 del \u007f é 中 \uD83D\uDE00 </script>";
        ClickEvent event = new ClickEvent(2, Long.MAX_VALUE, "c", Long.MIN_VALUE, 31, 31, nasty, nasty, nasty, nasty, true, nasty, nasty, 20, 10);

        String line = ClickEventJson.write(event);

        assertThat(line).doesNotContain("\n").doesNotContain("\u0000");
        assertThat(json.readValue(line, ClickEvent.class)).isEqualTo(event);
    }

    static List<String> examples() throws Exception {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                ClickEventJsonTest.class.getResourceAsStream(ClickEvent.EXAMPLES)),
                StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank()).toList();
        }
    }
}
