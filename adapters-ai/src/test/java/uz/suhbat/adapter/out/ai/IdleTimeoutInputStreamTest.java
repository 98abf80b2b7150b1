package uz.suhbat.adapter.out.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdleTimeoutInputStreamTest {

    private static final Duration TIMEOUT = Duration.ofMillis(200);

    private final ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        alarms.shutdownNow();
    }

    @Test
    void aReadThatWaitsLongerThanTheTimeoutFailsAsATimeout() throws IOException {
        // given
        Upstream upstream = new Upstream();
        IdleTimeoutInputStream body = new IdleTimeoutInputStream(upstream, alarms, TIMEOUT);
        upstream.send('a');

        // when
        int first = body.read();

        // then
        assertThat(first).isEqualTo('a');
        assertThatThrownBy(body::read).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void timeBetweenReadsDoesNotCount() throws Exception {
        // given
        Upstream upstream = new Upstream();
        IdleTimeoutInputStream body = new IdleTimeoutInputStream(upstream, alarms, TIMEOUT);
        upstream.send('a');
        upstream.send('b');
        assertThat(body.read()).isEqualTo('a');

        // when the consumer works longer than the timeout before it reads again
        Thread.sleep(TIMEOUT.multipliedBy(3).toMillis());

        // then
        assertThat(body.read()).isEqualTo('b');
        body.close();
    }

    /** Like the JDK's response body: a read waits for the next byte, and closing fails the waiting read. */
    private static final class Upstream extends InputStream {

        private static final int CLOSED = -2;

        private final BlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();

        void send(int b) {
            bytes.add(b);
        }

        @Override
        public int read() throws IOException {
            try {
                int b = bytes.take();
                if (b == CLOSED) {
                    bytes.add(CLOSED);
                    throw new IOException("closed");
                }
                return b;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        @Override
        public void close() {
            bytes.add(CLOSED);
        }
    }
}
