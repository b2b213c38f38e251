package io.shortener.click;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

public class UserAgentClassifierTest {

    public static final String CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    public static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    public static final String SAFARI_IPAD = "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    public static final String CHROME_ANDROID_PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
    public static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    public static final String FACEBOOK_PREVIEW = "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)";
    public static final String SLACK_PREVIEW = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
    public static final String CURL = "curl/8.5.0";

    private final UserAgentClassifier classifier = new UserAgentClassifier();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            CHROME_WINDOWS + "|Chrome|Windows|desktop|false",
            SAFARI_IPHONE + "|Mobile Safari|iOS|mobile|false",
            SAFARI_IPAD + "|Mobile Safari|iOS|tablet|false",
            CHROME_ANDROID_PHONE + "|Chrome Mobile|Android|mobile|false",
            GOOGLEBOT + "|Googlebot|Other|bot|true",
            FACEBOOK_PREVIEW + "|FacebookBot|Other|bot|true",
            SLACK_PREVIEW + "|Slackbot-LinkExpanding|Other|bot|true",
            CURL + "|curl|Other|bot|true"})
    void classifies(String userAgent, String browser, String os, String deviceClass, boolean bot) {
        UserAgentClassifier.Classification result = classifier.classify(userAgent, false);

        assertThat(result.deviceClass()).isEqualTo(deviceClass);
        assertThat(result.bot()).isEqualTo(bot);
        assertThat(result.os()).isEqualTo(os);
        assertThat(result.browser()).as("the browser, of a bot too: analysts count crawlers by name").isEqualTo(browser);
    }

    @ParameterizedTest
    @CsvSource({"''", "'   '"})
    void anEmptyUserAgentIsABot(String userAgent) {
        assertThat(classifier.classify(userAgent, false).bot()).isTrue();
        assertThat(classifier.classify(null, false).bot()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {CHROME_WINDOWS, SAFARI_IPHONE})
    void aHeadRequestIsABotWhateverItsUserAgent(String userAgent) {
        assertThat(classifier.classify(userAgent, true).bot()).isTrue();
        assertThat(classifier.classify(userAgent, true).deviceClass()).isEqualTo("bot");
    }
}
