package uz.suhbat.adapter.in.web.chat;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An answer's event stream written on the servlet response itself, in async mode: no thread waits
 * while the answer streams, and each event is one write and one flush of bytes framed here. Events
 * sent before {@link #open} (the chat event and the first piece, which come while the request's
 * thread still runs the use case) wait in a buffer; {@code open} starts async mode, sends the
 * response's head with them, and from then on every event goes out as it is sent.
 *
 * <p>(Spring's {@code SseEmitter} held the early events until the controller had returned and
 * MVC had handled its return value, and wrote every event through its message converters.)
 *
 * <p>{@code ended} runs once when the stream ends for any reason: completed here, timed out, or
 * the browser gone (a failed write). Every method may be called from any thread.
 */
final class EventStream {

    private static final String CONTENT_TYPE = "text/event-stream;charset=UTF-8";

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Duration timeout;
    private final ReentrantLock lock = new ReentrantLock();
    private StringBuilder early = new StringBuilder(256); // guarded by lock; null once open
    private AsyncContext async; // guarded by lock
    private ServletOutputStream out; // guarded by lock
    private boolean completeAsked; // guarded by lock
    private boolean ended; // guarded by lock
    private Runnable onEnd = () -> { };

    EventStream(HttpServletRequest request, HttpServletResponse response, Duration timeout) {
        this.request = request;
        this.response = response;
        this.timeout = timeout;
    }

    /** What to run once when the stream ends; set it before {@link #open}. */
    void onEnd(Runnable ended) {
        this.onEnd = ended;
    }

    /**
     * One whole event, framed ({@code event:…\ndata:…\n\n}). Throws {@link IllegalStateException}
     * once the stream has ended or the browser has gone, which tells the answer that nobody listens.
     */
    void send(String frame) {
        boolean failed = false;
        lock.lock();
        try {
            if (ended || completeAsked) {
                throw new IllegalStateException("the event stream has ended");
            }
            if (early != null) {
                early.append(frame);
                return;
            }
            try {
                out.write(frame.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw new IllegalStateException("the browser went away", e);
            }
        } finally {
            lock.unlock();
            if (failed) {
                end(true);
            }
        }
    }

    /**
     * Starts async mode and sends the head and the events so far. Call once, from the request's
     * thread, after the use case accepted the request (a refusal is still an ordinary response).
     */
    void open() {
        boolean failed = false;
        boolean completeNow;
        lock.lock();
        try {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(CONTENT_TYPE);
            async = request.startAsync(request, response);
            async.setTimeout(timeout.toMillis());
            async.addListener(new Ends());
            String frames = early.toString();
            early = null;
            try {
                out = response.getOutputStream();
                if (!frames.isEmpty()) {
                    out.write(frames.getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            } catch (IOException | RuntimeException e) {
                failed = true;
            }
            completeNow = completeAsked;
        } finally {
            lock.unlock();
        }
        if (failed || completeNow) {
            end(true);
        }
    }

    /** Ends the response (after the last event). Before {@link #open}, {@code open} ends it once the events are out. */
    void complete() {
        boolean now;
        lock.lock();
        try {
            completeAsked = true;
            now = early == null;
        } finally {
            lock.unlock();
        }
        if (now) {
            end(true);
        }
    }

    /** Marks the stream ended (once), runs {@code onEnd}, and completes async mode when asked to. */
    private void end(boolean completeAsync) {
        AsyncContext context;
        lock.lock();
        try {
            if (ended) {
                return;
            }
            ended = true;
            context = async;
        } finally {
            lock.unlock();
        }
        try {
            onEnd.run();
        } finally {
            if (completeAsync && context != null) {
                try {
                    context.complete();
                } catch (IllegalStateException alreadyOver) {
                    // the container ended it first (a timeout or an error)
                }
            }
        }
    }

    /** The container's side: a timeout, an error on the connection, or the end of the response. */
    private final class Ends implements AsyncListener {

        @Override
        public void onTimeout(AsyncEvent event) {
            end(true);
        }

        @Override
        public void onError(AsyncEvent event) {
            end(true);
        }

        @Override
        public void onComplete(AsyncEvent event) {
            end(false);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // started once, by open()
        }
    }
}
