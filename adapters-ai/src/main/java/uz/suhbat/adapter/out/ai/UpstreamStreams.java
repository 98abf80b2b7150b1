package uz.suhbat.adapter.out.ai;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.BiConsumer;
import java.util.function.Function;
import uz.suhbat.application.port.out.ai.ChatModelPort.AnswerSink;
import uz.suhbat.application.port.out.ai.ChatModelPort.Streaming;

/**
 * What {@link OpenAiChatModel} streams with, for the other providers ({@code ai.provider}): the HTTP
 * client that keeps {@code Retry-After} and times out a silent stream ({@link UpstreamHttpClient}),
 * and an answer's attempts, backoff and cancellation ({@link AnswerStream}). One instance per
 * provider connection; closing it stops its stream readers and its timer thread.
 */
public final class UpstreamStreams implements AutoCloseable {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

    /** Reads the streams, which block between two pieces of an answer. */
    private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
    /** Starts retries; its tasks are short, so one thread serves every stream. */
    private final ScheduledExecutorService scheduler;

    /** {@code name} names the timer thread, e.g. {@code anthropic-scheduler}. */
    public UpstreamStreams(String name) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name(name).daemon().factory());
        timer.setRemoveOnCancelPolicy(true);
        this.scheduler = timer;
    }

    /** For langchain4j's model builders: reads on virtual threads, keeps Retry-After, fails a stream silent for the read timeout. */
    public HttpClientBuilder httpClientBuilder() {
        return new UpstreamHttpClient.Builder(readers);
    }

    /**
     * Starts one answer: attempts {@code model} up to {@code maxAttempts} times while no piece has
     * arrived and the failure, as {@code failures} reads it, is retryable; {@code failureLog} hears
     * the final failure and the number of attempts made.
     */
    public Streaming stream(StreamingChatModel model, ChatRequest request, AnswerSink sink, int maxAttempts,
            Duration maxBackoff, Function<Throwable, UpstreamFailure> failures, BiConsumer<UpstreamFailure, Integer> failureLog) {
        AnswerStream answer = new AnswerStream(model, request, sink, maxAttempts, new Backoff(FIRST_BACKOFF, maxBackoff),
                scheduler, failureLog::accept, failures);
        answer.start();
        return answer;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        readers.shutdownNow();
    }
}
