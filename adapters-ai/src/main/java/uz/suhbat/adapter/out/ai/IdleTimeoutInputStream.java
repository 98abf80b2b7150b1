package uz.suhbat.adapter.out.ai;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A response body that is closed when no byte arrives for the timeout. The JDK's request timeout
 * ends once the headers are in; an upstream that then goes silent would otherwise hold the answer
 * open forever. Closing the JDK body stream also aborts the exchange.
 */
final class IdleTimeoutInputStream extends FilterInputStream {

    private final ScheduledExecutorService alarms;
    private final Duration timeout;
    private final Object lock = new Object();
    private final AtomicLong generations = new AtomicLong();
    /** The generation of the read in progress, 0 between reads; guarded by {@code lock}. */
    private long reading;
    private volatile boolean timedOut;

    IdleTimeoutInputStream(InputStream body, ScheduledExecutorService alarms, Duration timeout) {
        super(body);
        this.alarms = alarms;
        this.timeout = timeout;
    }

    @Override
    public int read() throws IOException {
        ScheduledFuture<?> alarm = arm();
        try {
            return super.read();
        } catch (IOException e) {
            throw timedOut ? silence(e) : e;
        } finally {
            disarm(alarm);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        ScheduledFuture<?> alarm = arm();
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            throw timedOut ? silence(e) : e;
        } finally {
            disarm(alarm);
        }
    }

    private ScheduledFuture<?> arm() {
        long generation = generations.incrementAndGet();
        synchronized (lock) {
            reading = generation;
        }
        return alarms.schedule(() -> expire(generation), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void disarm(ScheduledFuture<?> alarm) {
        synchronized (lock) {
            reading = 0;
        }
        alarm.cancel(false);
    }

    /** An alarm that fires as its read returns finds the read over and leaves the stream alone. */
    private void expire(long generation) {
        synchronized (lock) {
            if (reading != generation) {
                return;
            }
            timedOut = true;
        }
        try {
            close();
        } catch (IOException ignored) {
            // the reader fails either way, with the timeout below
        }
    }

    private HttpTimeoutException silence(IOException cause) {
        HttpTimeoutException timeoutException =
                new HttpTimeoutException("no data from the upstream for " + timeout.toMillis() + " ms");
        timeoutException.initCause(cause);
        return timeoutException;
    }
}
