package io.shortener.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseParserTest {

    private final ResponseParser parser = new ResponseParser();

    @Test
    void readsARedirectWithoutABody() {
        assertThat(parser.feed(bytes("HTTP/1.1 302 Found\r\nLocation: https://e.com/\r\nContent-Length: 0\r\n\r\n"))).isTrue();
        assertThat(parser.status()).isEqualTo(302);
    }

    @Test
    void skipsABodyByItsContentLengthEvenWhenItArrivesInPieces() {
        assertThat(parser.feed(bytes("HTTP/1.1 404 Not Found\r\nContent-Le"))).isFalse();
        assertThat(parser.feed(bytes("ngth: 10\r\n\r\n{\"co"))).isFalse();
        assertThat(parser.feed(bytes("de\":404}"))).isTrue();
        assertThat(parser.status()).isEqualTo(404);
    }

    @Test
    void skipsAChunkedBody() {
        ByteBuffer in = bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n");

        assertThat(parser.feed(in)).isTrue();
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void leavesTheNextResponseInTheBuffer() {
        ByteBuffer in = bytes("HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\nHTTP/1.1 500 Oops\r\nContent-Length: 2\r\n\r\nno");

        assertThat(parser.feed(in)).isTrue();
        assertThat(parser.status()).isEqualTo(302);
        parser.reset();
        assertThat(parser.feed(in)).isTrue();
        assertThat(parser.status()).isEqualTo(500);
    }

    @Test
    void notesThatTheServerWillClose() {
        parser.feed(bytes("HTTP/1.1 503 Busy\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"));

        assertThat(parser.closeAfter()).isTrue();
    }

    @Test
    void readsHeaderNamesInAnyCaseAndValuesWithOrWithoutSpaces() {
        assertThat(parser.feed(bytes("HTTP/1.0 301 Moved\r\nX-Other: content-length: 9\r\ncontent-LENGTH:3 \r\nCONNECTION:  Close\r\n\r\nabc")))
                .isTrue();
        assertThat(parser.status()).isEqualTo(301);
        assertThat(parser.closeAfter()).isTrue();
    }

    @Test
    void refusesAContentLengthThatIsNotANumber() {
        assertThatThrownBy(() -> parser.feed(bytes("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesWhatIsNotHttp() {
        assertThatThrownBy(() -> parser.feed(bytes("SSH-2.0-OpenSSH\r\n\r\n"))).isInstanceOf(IllegalStateException.class);
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
