package uz.suhbat.application.service.chat;

import java.util.ArrayList;
import java.util.List;
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
    private final List<Consumer<ChatModelPort.AnswerSink>> held = new ArrayList<>();
    /** set, holding the lock, once everything held has passed; read without it by the calls that come after */
    private volatile ChatModelPort.AnswerSink target;
    private boolean dropped; // guarded by lock

    @Override
    public void delta(String text) {
        pass(sink -> sink.delta(text));
    }

    @Override
    public void completed(ChatModelPort.TokenUsage usage) {
        pass(sink -> sink.completed(usage));
    }

    @Override
    public void failed(ChatModelPort.Failure failure) {
        pass(sink -> sink.failed(failure));
    }

    /**
     * Runs {@code first}, then passes what was held to {@code to}, in order, and lets every later call through. Returns false
     * (and does nothing) after {@link #drop}.
     */
    boolean release(ChatModelPort.AnswerSink to, Runnable first) {
        lock.lock();
        try {
            if (dropped) {
                return false;
            }
            first.run();
            for (Consumer<ChatModelPort.AnswerSink> call : held) {
                call.accept(to);
            }
            held.clear();
            target = to;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Nothing held or still to come passes any more. */
    void drop() {
        lock.lock();
        try {
            dropped = true;
            held.clear();
        } finally {
            lock.unlock();
        }
    }

    private void pass(Consumer<ChatModelPort.AnswerSink> call) {
        ChatModelPort.AnswerSink to = target;
        if (to == null) {
            lock.lock();
            try {
                if (dropped) {
                    return;
                }
                to = target;
                if (to == null) {
                    held.add(call);
                    return;
                }
            } finally {
                lock.unlock();
            }
        }
        call.accept(to);
    }
}
