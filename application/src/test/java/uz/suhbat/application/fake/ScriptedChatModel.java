package uz.suhbat.application.fake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import uz.suhbat.application.port.out.ai.ChatModelPort;

/**
 * A chat model for use-case tests: records every prompt and answers synchronously from a script
 * (pieces then completion, or pieces then a failure), or holds the answer until the test releases it.
 */
public final class ScriptedChatModel implements ChatModelPort {

    private final List<Prompt> prompts = new ArrayList<>();
    private final Deque<Consumer<AnswerSink>> script = new ArrayDeque<>();
    private boolean configured = true;
    private boolean cancelled;
    private Held heldNext;

    public ScriptedChatModel notConfigured() {
        configured = false;
        return this;
    }

    public ScriptedChatModel answers(String... pieces) {
        script.add(sink -> {
            for (String piece : pieces) {
                sink.delta(piece);
            }
            sink.completed(new TokenUsage(11, pieces.length));
        });
        return this;
    }

    public ScriptedChatModel failsAfter(FailureKind kind, String... pieces) {
        script.add(sink -> {
            for (String piece : pieces) {
                sink.delta(piece);
            }
            sink.failed(new Failure(kind, "scripted"));
        });
        return this;
    }

    /** The next answer sends these pieces and then waits; the returned holder finishes it later (unless it was cancelled). */
    public Held holds(String... pieces) {
        Held held = new Held();
        script.add(sink -> {
            held.sink = sink;
            for (String piece : pieces) {
                sink.delta(piece);
            }
        });
        heldNext = held;
        return held;
    }

    public static final class Held {
        private AnswerSink sink;
        private volatile boolean cancelled;

        /** More pieces of the held answer; none after a cancel. */
        public void send(String... pieces) {
            for (String piece : pieces) {
                if (!cancelled) {
                    sink.delta(piece);
                }
            }
        }

        public void complete() {
            if (!cancelled) {
                sink.completed(new TokenUsage(1, 1));
            }
        }

        public AnswerSink sink() {
            return sink;
        }
    }

    public List<Prompt> prompts() {
        return List.copyOf(prompts);
    }

    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public boolean configured() {
        return configured;
    }

    @Override
    public Streaming stream(Prompt prompt, AnswerSink sink) {
        prompts.add(prompt);
        Consumer<AnswerSink> next = script.poll();
        if (next == null) {
            throw new IllegalStateException("no scripted answer left");
        }
        Held held = heldNext;
        heldNext = null;
        next.accept(sink);
        return () -> {
            cancelled = true;
            if (held != null) {
                held.cancelled = true;
            }
        };
    }
}
