package uz.suhbat.adapter.in.web.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * {@link EventStream} on Spring's servlet mocks: events before {@code open} leave with the head,
 * in order; later ones at once; every way of ending (complete, before or after open, a failed
 * write, the container's timeout) runs the end once and completes async mode.
 */
class EventStreamTest {

    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/chats");
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final AtomicInteger ends = new AtomicInteger();

    {
        request.setAsyncSupported(true);
    }

    private EventStream stream() {
        EventStream stream = new EventStream(request, response, Duration.ofMinutes(15));
        stream.onEnd(ends::incrementAndGet);
        return stream;
    }

    @Test
    void eventsBeforeOpenLeaveWithTheHeadAndLaterOnesAtOnce() throws Exception {
        EventStream stream = stream();
        stream.send("event:chat\ndata:{\"chatId\":1}\n\n");
        stream.send("event:delta\ndata:{\"text\":\"Sa\"}\n\n");
        assertThat(response.getContentAsString()).isEmpty();
        assertThat(request.isAsyncStarted()).isFalse();

        stream.open();
        assertThat(request.isAsyncStarted()).isTrue();
        assertThat(((MockAsyncContext) request.getAsyncContext()).getTimeout()).isEqualTo(Duration.ofMinutes(15).toMillis());
        assertThat(response.getContentType()).isEqualTo("text/event-stream;charset=UTF-8");
        assertThat(response.isCommitted()).as("flushed: the head has left").isTrue();
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("event:chat\ndata:{\"chatId\":1}\n\nevent:delta\ndata:{\"text\":\"Sa\"}\n\n");

        stream.send("event:delta\ndata:{\"text\":\"lom ✓\"}\n\n");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).endsWith("event:delta\ndata:{\"text\":\"lom ✓\"}\n\n");
        assertThat(ends).hasValue(0);

        stream.complete();
        assertThat(ends).hasValue(1);
        assertThat(request.isAsyncStarted()).as("completed").isFalse();
        assertThatThrownBy(() -> stream.send("event:delta\ndata:{}\n\n")).isInstanceOf(IllegalStateException.class);
        stream.complete();
        assertThat(ends).hasValue(1);
    }

    @Test
    void anAnswerThatEndedBeforeOpenIsWrittenAndCompletedByOpen() throws Exception {
        EventStream stream = stream();
        stream.send("event:error\ndata:{\"error\":\"model_unavailable\"}\n\n");
        stream.complete();
        assertThat(ends).hasValue(0);
        stream.open();
        assertThat(response.getContentAsString()).isEqualTo("event:error\ndata:{\"error\":\"model_unavailable\"}\n\n");
        assertThat(ends).hasValue(1);
        assertThat(request.isAsyncStarted()).isFalse();
    }

    @Test
    void aFailedWriteTellsTheAnswerAndEndsTheStreamOnce() {
        EventStream stream = new EventStream(request, new HttpServletResponseWrapper(response) {
            @Override
            public ServletOutputStream getOutputStream() {
                return new ServletOutputStream() {
                    private int writes;

                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        if (++writes > 1) {
                            throw new IOException("Broken pipe");
                        }
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                    }
                };
            }
        }, Duration.ofMinutes(15));
        stream.onEnd(ends::incrementAndGet);
        stream.send("event:chat\ndata:{}\n\n");
        stream.open();
        assertThatThrownBy(() -> stream.send("event:delta\ndata:{\"text\":\"a\"}\n\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("went away");
        assertThat(ends).hasValue(1);
        assertThatThrownBy(() -> stream.send("event:delta\ndata:{\"text\":\"b\"}\n\n")).isInstanceOf(IllegalStateException.class);
        assertThat(ends).hasValue(1);
    }

    @Test
    void theContainersTimeoutEndsTheStream() throws IOException {
        EventStream stream = stream();
        stream.open();
        MockAsyncContext async = (MockAsyncContext) request.getAsyncContext();
        for (AsyncListener listener : async.getListeners()) {
            listener.onTimeout(new AsyncEvent(async));
        }
        assertThat(ends).hasValue(1);
        assertThat(request.isAsyncStarted()).isFalse();
        assertThatThrownBy(() -> stream.send("event:delta\ndata:{}\n\n")).isInstanceOf(IllegalStateException.class);
    }
}
