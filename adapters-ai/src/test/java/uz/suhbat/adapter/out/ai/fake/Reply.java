package uz.suhbat.adapter.out.ai.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/** What {@link FakeOpenAi} does with the next request. */
public sealed interface Reply {

    /** Streams {@code pieces} as content deltas, {@code delay} apart, then finishes normally. */
    record Answer(List<String> pieces, Duration delay) implements Reply {
        public Answer {
            pieces = List.copyOf(pieces);
            Objects.requireNonNull(delay, "delay");
        }
    }

    /** Streams the answer that {@code answer} computes from the request, word by word. */
    record Computed(Function<RecordedRequest, String> answer) implements Reply {
        public Computed {
            Objects.requireNonNull(answer, "answer");
        }
    }

    /** Refuses with an OpenAI-style error body and, when {@code retryAfterSeconds} is not null, a Retry-After header. */
    record Refusal(int status, String type, String code, String message, Integer retryAfterSeconds) implements Reply {
    }

    /**
     * Streams {@code pieces}, waits for {@link #cut()}, then drops the connection without finishing
     * the stream. The wait lets a test see the pieces arrive first: the JDK client reports a broken
     * connection at once, even before it hands over pieces that it has already received.
     */
    record Drop(List<String> pieces, Semaphore release) implements Reply {
        public Drop {
            pieces = List.copyOf(pieces);
            Objects.requireNonNull(release, "release");
        }

        /** Lets the fake drop the connection now. */
        public void cut() {
            release.release();
        }
    }

    /**
     * Streams the first piece at once and each further piece when the test calls {@link #next(int)},
     * then finishes normally: a test can look at a half-streamed answer without racing a clock.
     */
    record Gated(List<String> pieces, Semaphore steps) implements Reply {
        public Gated {
            pieces = List.copyOf(pieces);
            Objects.requireNonNull(steps, "steps");
        }

        /** Lets the next {@code pieces} pieces go. */
        public void next(int pieces) {
            steps.release(pieces);
        }
    }

    static Gated gated(String... pieces) {
        return new Gated(List.of(pieces), new Semaphore(0));
    }

    /** Opens the stream (headers and the role chunk), then sends nothing for {@code duration}. */
    record Silence(Duration duration) implements Reply {
    }

    static Reply answer(String text) {
        return answer(text, 1, Duration.ZERO);
    }

    /** The text cut into {@code pieces} parts of about the same length (together they are exactly the text). */
    static Reply answer(String text, int pieces, Duration delay) {
        return new Answer(split(text, pieces), delay);
    }

    static Reply pieces(String... pieces) {
        return new Answer(List.of(pieces), Duration.ZERO);
    }

    static Reply computed(Function<RecordedRequest, String> answer) {
        return new Computed(answer);
    }

    static Refusal error(int status, String type, String code, String message) {
        return new Refusal(status, type, code, message, null);
    }

    static Refusal rateLimited(int retryAfterSeconds) {
        return new Refusal(429, "requests", "rate_limit_exceeded", "Rate limit reached. Please try again later.",
                retryAfterSeconds);
    }

    static Refusal serverError() {
        return error(500, "server_error", null, "The server had an error while processing your request.");
    }

    /** Like OpenAI, the message quotes the start and end of the key it was given. */
    static Refusal unauthorized(String keyGiven) {
        String quoted = keyGiven.length() > 8
                ? keyGiven.substring(0, 3) + "*****" + keyGiven.substring(keyGiven.length() - 4)
                : "*****";
        return error(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: " + quoted + ".");
    }

    static Refusal contextLengthExceeded() {
        return error(400, "invalid_request_error", "context_length_exceeded",
                "This model's maximum context length is 128000 tokens. However, your messages resulted in 130000 tokens.");
    }

    static Drop dropAfter(String... pieces) {
        return new Drop(List.of(pieces), new Semaphore(0));
    }

    static Reply silence(Duration duration) {
        return new Silence(duration);
    }

    private static List<String> split(String text, int pieces) {
        if (pieces < 1) {
            throw new IllegalArgumentException("at least one piece");
        }
        List<String> parts = new ArrayList<>();
        int size = Math.max(1, (int) Math.ceil(text.length() / (double) pieces));
        for (int start = 0; start < text.length(); start += size) {
            parts.add(text.substring(start, Math.min(text.length(), start + size)));
        }
        return parts;
    }
}
