package uz.suhbat.adapter.out.ai;

import static dev.langchain4j.http.client.sse.ServerSentEventListenerUtils.ignoringExceptions;

import dev.langchain4j.http.client.sse.DefaultServerSentEventParsingHandle;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * langchain4j's {@code DefaultServerSentEventParser}, event for event (lines end at {@code \n}, {@code \r\n} or
 * {@code \r} as a reader reads them; the same fields; the same cancellation handle), with a read buffer of
 * {@value #READ} bytes instead of an {@code InputStreamReader}'s 8 KB of bytes and a {@code BufferedReader}'s 8 K
 * chars: every open answer keeps its parser for as long as it streams (20 s and more), so at a thousand open answers
 * those buffers were about 24 MB of heap that every collection had to copy. A line is decoded as UTF-8 once it is
 * whole, so a character split between two reads stays whole.
 */
final class CompactEventParser implements ServerSentEventParser {

    static final int READ = 512;

    @Override
    public void parse(InputStream body, ServerSentEventListener listener) {
        DefaultServerSentEventParsingHandle handle = new DefaultServerSentEventParsingHandle(body);
        Events events = new Events(listener, new ServerSentEventContext(handle));
        byte[] read = new byte[READ];
        boolean afterCr = false;
        try (body) {
            int n;
            while (!handle.isCancelled() && (n = body.read(read)) != -1) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    byte b = read[i];
                    if (b == '\n' && afterCr && i == start) {
                        // the \n of a \r\n whose \r ended the line already
                        start = i + 1;
                        afterCr = false;
                        continue;
                    }
                    afterCr = false;
                    if (b == '\n' || b == '\r') {
                        events.append(read, start, i);
                        events.line();
                        afterCr = b == '\r';
                        start = i + 1;
                        if (handle.isCancelled()) {
                            return;
                        }
                    }
                }
                events.append(read, start, n);
            }
            if (!handle.isCancelled()) {
                events.end();
            }
        } catch (IOException e) {
            ignoringExceptions(() -> listener.onError(e));
        }
    }

    /** The lines of one stream and the event they build. */
    private static final class Events {

        private final ServerSentEventListener listener;
        private final ServerSentEventContext context;
        private byte[] line = new byte[128];
        private int length;
        private boolean pending;
        private String event;
        private final StringBuilder data = new StringBuilder();

        Events(ServerSentEventListener listener, ServerSentEventContext context) {
            this.listener = listener;
            this.context = context;
        }

        void append(byte[] bytes, int from, int to) {
            int count = to - from;
            if (count <= 0) {
                return;
            }
            if (length + count > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
            }
            System.arraycopy(bytes, from, line, length, count);
            length += count;
            pending = true;
        }

        /** A line ended. */
        void line() {
            String text = new String(line, 0, length, StandardCharsets.UTF_8);
            length = 0;
            pending = false;
            if (text.isEmpty()) {
                dispatch();
            } else if (text.startsWith("event:")) {
                event = text.substring("event:".length()).trim();
            } else if (text.startsWith("data:")) {
                String value = text.substring("data:".length());
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(value);
            }
        }

        /** The stream ended: its last line without a line break, then an event not yet sent. */
        void end() {
            if (pending) {
                line();
            }
            dispatch();
        }

        private void dispatch() {
            if (data.isEmpty()) {
                return;
            }
            ServerSentEvent complete = new ServerSentEvent(event, data.toString());
            event = null;
            data.setLength(0);
            ignoringExceptions(() -> listener.onEvent(complete, context));
        }
    }
}
