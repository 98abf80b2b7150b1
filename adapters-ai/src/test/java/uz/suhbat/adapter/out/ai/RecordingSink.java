package uz.suhbat.adapter.out.ai;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import uz.suhbat.application.port.out.ai.ChatModelPort.AnswerSink;
import uz.suhbat.application.port.out.ai.ChatModelPort.Failure;
import uz.suhbat.application.port.out.ai.ChatModelPort.TokenUsage;

/** Records what a chat model tells its sink, and lets a test wait for the first piece or the end (public for the provider tests). */
public final class RecordingSink implements AnswerSink {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<String> deltas = new CopyOnWriteArrayList<>();
    private final List<Thread> deltaThreads = new CopyOnWriteArrayList<>();
    private final Semaphore arrived = new Semaphore(0);
    private final CompletableFuture<Object> end = new CompletableFuture<>();

    @Override
    public void delta(String text) {
        events.add("delta:" + text);
        deltas.add(text);
        deltaThreads.add(Thread.currentThread());
        arrived.release();
    }

    @Override
    public void completed(TokenUsage usage) {
        events.add("completed");
        end.complete(usage);
    }

    @Override
    public void failed(Failure failure) {
        events.add("failed:" + failure.kind());
        end.complete(failure);
    }

    public TokenUsage awaitCompletion() {
        Object outcome = awaitEnd();
        if (outcome instanceof TokenUsage usage) {
            return usage;
        }
        throw new AssertionError("expected completion, got " + outcome);
    }

    public Failure awaitFailure() {
        Object outcome = awaitEnd();
        if (outcome instanceof Failure failure) {
            return failure;
        }
        throw new AssertionError("expected failure, got " + outcome);
    }

    public void awaitFirstDelta() throws InterruptedException {
        awaitDeltas(1);
    }

    public void awaitDeltas(int count) throws InterruptedException {
        if (!arrived.tryAcquire(count, PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(count + " deltas did not arrive within " + PATIENCE + "; events so far: " + events);
        }
        arrived.release(count);
    }

    public List<String> deltas() {
        return List.copyOf(deltas);
    }

    /** The threads that passed each piece on. */
    public List<Thread> deltaThreads() {
        return List.copyOf(deltaThreads);
    }

    /** Every call in order, e.g. {@code delta:Hi}, {@code completed}, {@code failed:TIMEOUT}. */
    public List<String> events() {
        return List.copyOf(events);
    }

    private Object awaitEnd() {
        try {
            return end.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the answer did not end within " + PATIENCE + "; events so far: " + events, e);
        }
    }
}
