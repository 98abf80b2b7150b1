package uz.suhbat.application.service.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import uz.suhbat.application.port.out.ai.ChatModelPort;

/**
 * Where a model's answer goes while the chat it answers is still being stored ({@link AnswerStarter#askEarly}): every call
 * is held, in order, until {@link #release} passes them (after what must come first) to the answer, and from then on
 * passes each as it comes; after {@link #drop} nothing passes. A {@link ReentrantLock} rather than {@code synchronized}:
 * the release may write to a slow client from a virtual thread.
 */
final class HeldSink implements ChatModelPort.AnswerSink {

    private final ReentrantLock lock = new ReentrantLock();
    private final List<String> pieces = new ArrayList<>(); // guarded by lock
    /** the answer's end (completed or failed), when it came while held; guarded by lock */
    private Consumer<ChatModelPort.AnswerSink> end;
    /** set, holding the lock, once everything held has passed; read without it by the calls that come after */
    private volatile ChatModelPort.AnswerSink target;
    private boolean dropped; // guarded by lock

    @Override
    public void delta(String text) {
        passOrHold(sink -> sink.delta(text), () -> pieces.add(text));
    }

    @Override
    public void completed(ChatModelPort.TokenUsage usage) {
        ends(sink -> sink.completed(usage));
    }

    @Override
    public void failed(ChatModelPort.Failure failure) {
        ends(sink -> sink.failed(failure));
    }

    private void ends(Consumer<ChatModelPort.AnswerSink> call) {
        passOrHold(call, () -> end = call);
    }

    /** Passes the call on once everything held has passed; until then {@code hold} keeps it (nothing after a drop). */
    private void passOrHold(Consumer<ChatModelPort.AnswerSink> call, Runnable hold) {
        ChatModelPort.AnswerSink to = target;
        if (to == null) {
            lock.lock();
            try {
                if (dropped) {
                    return;
                }
                to = target;
                if (to == null) {
                    hold.run();
                    return;
                }
            } finally {
                lock.unlock();
            }
        }
        call.accept(to);
    }

    /**
     * Runs {@code first}, then passes the pieces held to {@code to}, in order, and lets every later call through; an end that
     * came while held (the answer's final write, a statement or more) is passed on {@code later}, so that the thread that
     * releases (the request's, whose response waits for it) does not wait for it. Does nothing after {@link #drop}.
     */
    void release(ChatModelPort.AnswerSink to, Runnable first, Executor later) {
        Consumer<ChatModelPort.AnswerSink> held;
        lock.lock();
        try {
            if (dropped) {
                return;
            }
            first.run();
            for (String piece : pieces) {
                to.delta(piece);
            }
            pieces.clear();
            held = end;
            end = null;
            target = to;
        } finally {
            lock.unlock();
        }
        if (held != null) {
            later.execute(() -> held.accept(to));
        }
    }

    /** Nothing held or still to come passes any more. */
    void drop() {
        lock.lock();
        try {
            dropped = true;
            pieces.clear();
            end = null;
        } finally {
            lock.unlock();
        }
    }
}
