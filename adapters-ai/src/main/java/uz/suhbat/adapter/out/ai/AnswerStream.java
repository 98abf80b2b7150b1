package uz.suhbat.adapter.out.ai;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import uz.suhbat.application.port.out.ai.ChatModelPort.AnswerSink;
import uz.suhbat.application.port.out.ai.ChatModelPort.Streaming;
import uz.suhbat.application.port.out.ai.ChatModelPort.TokenUsage;

/**
 * One answer being streamed into a sink: its attempts, the waits between them, and cancellation.
 * Every sink call and {@link #cancel()} hold one lock, so that once {@code cancel()} has returned
 * no call can reach the sink any more. The lock is a {@link ReentrantLock} rather than
 * {@code synchronized} because the sink may write to a slow client from a virtual thread.
 */
final class AnswerStream implements Streaming {

    /** Told about the answer's final failure, to log it once. */
    interface FailureLog {
        void failed(UpstreamFailure failure, int attempts);
    }

    private final StreamingChatModel model;
    private final ChatRequest request;
    private final AnswerSink sink;
    private final int maxAttempts;
    private final Backoff backoff;
    private final ScheduledExecutorService scheduler;
    private final FailureLog failureLog;
    /** Reads what went wrong with an attempt; a provider may know its own error shapes ({@link UpstreamFailure#of} otherwise). */
    private final Function<Throwable, UpstreamFailure> failures;

    private final ReentrantLock lock = new ReentrantLock();
    private boolean over;
    private boolean answering;
    private int attempts;
    private Future<?> pendingRetry;
    private volatile StreamingHandle upstream;

    AnswerStream(StreamingChatModel model, ChatRequest request, AnswerSink sink, int maxAttempts, Backoff backoff,
            ScheduledExecutorService scheduler, FailureLog failureLog) {
        this(model, request, sink, maxAttempts, backoff, scheduler, failureLog, UpstreamFailure::of);
    }

    AnswerStream(StreamingChatModel model, ChatRequest request, AnswerSink sink, int maxAttempts, Backoff backoff,
            ScheduledExecutorService scheduler, FailureLog failureLog, Function<Throwable, UpstreamFailure> failures) {
        this.model = model;
        this.request = request;
        this.sink = sink;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.scheduler = scheduler;
        this.failureLog = failureLog;
        this.failures = failures;
    }

    void start() {
        attempt();
    }

    @Override
    public void cancel() {
        lock.lock();
        try {
            over = true;
            if (pendingRetry != null) {
                pendingRetry.cancel(false);
            }
        } finally {
            lock.unlock();
        }
        abortUpstream();
    }

    private void attempt() {
        Attempt attempt = new Attempt();
        lock.lock();
        try {
            if (over) {
                return;
            }
            attempts++;
        } finally {
            lock.unlock();
        }
        try {
            model.chat(request, attempt);
        } catch (RuntimeException e) {
            attempt.onError(e);
        }
    }

    /**
     * langchain4j hands out the stream's handle only with a piece of the answer, so before the
     * first piece a cancelled answer cannot abort its HTTP call; the first piece then does.
     */
    private void abortUpstream() {
        StreamingHandle handle = upstream;
        if (handle != null && !handle.isCancelled()) {
            handle.cancel();
        }
    }

    private final class Attempt implements StreamingChatResponseHandler {

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            upstream = context.streamingHandle();
            onPartialResponse(partial.text());
        }

        @Override
        public void onPartialResponse(String text) {
            lock.lock();
            try {
                if (!over) {
                    answering = true;
                    sink.delta(text);
                    return;
                }
            } catch (RuntimeException e) {
                // the consumer has gone (the browser left, say): nobody needs the rest of the answer
                over = true;
            } finally {
                lock.unlock();
            }
            abortUpstream();
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            if (response.finishReason() == null) {
                // the connection closed before the upstream said the answer was finished: a cut
                // stream, however cleanly the socket closed, not a complete answer
                onError(new java.io.IOException("the stream ended before the answer finished"));
                return;
            }
            lock.lock();
            try {
                if (!over) {
                    over = true;
                    sink.completed(usage(response.tokenUsage()));
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void onError(Throwable error) {
            UpstreamFailure failure = failures.apply(error);
            lock.lock();
            try {
                if (over) {
                    return;
                }
                if (answering) {
                    failure = failure.afterAnswerStarted();
                }
                if (failure.retryable() && attempts < maxAttempts) {
                    Duration wait = backoff.before(attempts + 1, failure.retryAfter());
                    pendingRetry = scheduler.schedule(AnswerStream.this::attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                }
                over = true;
                failureLog.failed(failure, attempts);
                sink.failed(failure.toFailure());
            } finally {
                lock.unlock();
            }
        }
    }

    private static TokenUsage usage(dev.langchain4j.model.output.TokenUsage usage) {
        if (usage == null) {
            return TokenUsage.UNKNOWN;
        }
        return new TokenUsage(orZero(usage.inputTokenCount()), orZero(usage.outputTokenCount()));
    }

    private static int orZero(Integer count) {
        return count == null ? 0 : count;
    }
}
