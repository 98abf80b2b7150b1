package uz.suhbat.adapter.out.ai;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A response body that is closed when a read waits longer than the timeout for a byte. The JDK's
 * request timeout ends once the headers are in; an upstream that then goes silent would otherwise
 * hold the answer open forever. Closing the JDK body stream also aborts the exchange.
 *
 * <p>Reads only note when they start and end; one watch per stream wakes up about once per timeout
 * to look, and closes the stream when the read in progress began a timeout ago. (Arming and
 * cancelling a timer around every read woke the timer thread twice per piece of every answer.)
 * Time between reads, while the consumer works, does not count.
 */
final class IdleTimeoutInputStream extends FilterInputStream {

    private static final long NOT_READING = 0;

    private final ScheduledExecutorService alarms;
    private final long timeoutNanos;
    /** When the read now waiting began (System.nanoTime, never 0), or {@link #NOT_READING}. */
    private volatile long readingSince = NOT_READING;
    private volatile boolean timedOut;
    private volatile boolean closed;
    private ScheduledFuture<?> watch;

    IdleTimeoutInputStream(InputStream body, ScheduledExecutorService alarms, Duration timeout) {
        super(body);
        this.alarms = alarms;
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public int read() throws IOException {
        begin();
        try {
            return super.read();
        } catch (IOException e) {
            throw timedOut ? silence(e) : e;
        } finally {
            readingSince = NOT_READING;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        begin();
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            throw timedOut ? silence(e) : e;
        } finally {
            readingSince = NOT_READING;
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        ScheduledFuture<?> running;
        synchronized (this) {
            running = watch;
        }
        if (running != null) {
            running.cancel(false);
        }
        super.close();
    }

    private void begin() {
        long now = System.nanoTime();
        readingSince = now == NOT_READING ? 1 : now;
        synchronized (this) {
            if (watch == null && !closed) {
                watch = schedule(timeoutNanos);
            }
        }
    }

    /** Looks whether the read in progress has waited too long; if not, looks again when it would have. */
    private void look() {
        if (closed) {
            return;
        }
        long since = readingSince;
        long waited = since == NOT_READING ? 0 : System.nanoTime() - since;
        if (waited >= timeoutNanos) {
            expire();
            return;
        }
        synchronized (this) {
            if (!closed) {
                watch = schedule(timeoutNanos - waited);
            }
        }
    }

    private ScheduledFuture<?> schedule(long delayNanos) {
        try {
            return alarms.schedule(this::look, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            return null;
        }
    }

    private void expire() {
        timedOut = true;
        try {
            close();
        } catch (IOException ignored) {
            // the reader fails either way, with the timeout below
        }
    }

    private HttpTimeoutException silence(IOException cause) {
        HttpTimeoutException timeoutException =
                new HttpTimeoutException("no data from the upstream for " + Duration.ofNanos(timeoutNanos).toMillis() + " ms");
        timeoutException.initCause(cause);
        return timeoutException;
    }
}
