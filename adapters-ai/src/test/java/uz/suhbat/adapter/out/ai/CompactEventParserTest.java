package uz.suhbat.adapter.out.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compact parser gives the events langchain4j's default parser gives, however the bytes arrive. */
class CompactEventParserTest {

    private static final List<String> STREAMS = List.of(
            "data: {\"choices\":[{\"delta\":{\"content\":\"Salom\"}}]}\n\ndata: [DONE]\n\n",
            "event: message\r\ndata: one\r\ndata:two\r\n\r\nevent:  other \r\ndata:  three\r\n\r\n",
            "data: carriage\rdata: return\r\rdata: only\n\n",
            ": a comment\nid: 7\nretry: 10\ndata: kept\n\n\n\ndata: no final blank line",
            "event: lonely\n\nevent: named\ndata: after an event without data\n\n",
            "data: o‘zbekcha ўзбекча русский 😀 " + "x".repeat(3000) + "\n\ndata: last\n",
            "data:\n\ndata: \n\ndata: a\ndata:\n\n",
            "");

    @Test
    void theSameEventsAsLangchain4jsParserWhateverTheReadSizes() {
        Random random = new Random(18);
        for (String stream : STREAMS) {
            List<String> expected = events(new DefaultServerSentEventParser(), new ByteArrayInputStream(bytes(stream)));
            assertThat(events(new CompactEventParser(), new ByteArrayInputStream(bytes(stream)))).as(stream).isEqualTo(expected);
            for (int round = 0; round < 50; round++) {
                // reads of 1 to 7 bytes: lines, \r\n pairs and UTF-8 characters are cut between reads
                assertThat(events(new CompactEventParser(), new Trickle(bytes(stream), random))).as(stream).isEqualTo(expected);
            }
        }
    }

    @Test
    void aCancelledStreamSendsNothingMore() {
        List<String> seen = new ArrayList<>();
        new CompactEventParser().parse(new ByteArrayInputStream(bytes("data: one\n\ndata: two\n\ndata: three\n\n")),
                new ServerSentEventListener() {
                    @Override
                    public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
                        seen.add(event.data());
                        context.parsingHandle().cancel();
                    }

                    @Override
                    public void onError(Throwable error) {
                        seen.add("error");
                    }
                });
        assertThat(seen).containsExactly("one");
    }

    @Test
    void aReadErrorIsTheListenersError() {
        List<Throwable> errors = new ArrayList<>();
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        new CompactEventParser().parse(broken, new ServerSentEventListener() {
            @Override
            public void onEvent(ServerSentEvent event) {
            }

            @Override
            public void onError(Throwable error) {
                errors.add(error);
            }
        });
        assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("connection reset");
    }

    private static List<String> events(ServerSentEventParser parser, InputStream in) {
        List<String> events = new ArrayList<>();
        parser.parse(in, new ServerSentEventListener() {
            @Override
            public void onEvent(ServerSentEvent event) {
                events.add(event.event() + "|" + event.data());
            }

            @Override
            public void onError(Throwable error) {
                events.add("error " + error);
            }
        });
        return events;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Gives its bytes a few at a time. */
    private static final class Trickle extends FilterInputStream {
        private final Random random;

        Trickle(byte[] bytes, Random random) {
            super(new ByteArrayInputStream(bytes));
            this.random = random;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
        }
    }
}
