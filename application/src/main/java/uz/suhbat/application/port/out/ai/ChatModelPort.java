package uz.suhbat.application.port.out.ai;

import java.util.List;
import java.util.Objects;
import uz.suhbat.domain.chat.Role;

/**
 * A language model that answers a conversation, streaming its answer piece by piece.
 *
 * <p>Contract: after {@link #stream} returns, the sink receives zero or more {@code delta} calls
 * followed by exactly one of {@code completed} or {@code failed}, possibly on another thread.
 * Transient upstream failures (connection errors, 429, 5xx) are retried by the adapter, with
 * backoff, only before the first delta; after {@link Streaming#cancel()} no further call reaches
 * the sink. Failure details never contain credentials.
 */
public interface ChatModelPort {

    /** False when no API key is configured: the chat screen says so instead of failing per message. */
    boolean configured();

    Streaming stream(Prompt prompt, AnswerSink sink);

    /**
     * The model id and the whole conversation, in order; a system turn, if any, comes first. {@code temperature} is the
     * sampling temperature to send (0 to 2), null for the provider's default (a model's default set by the admin on the
     * Connections page is filled in by the routing model).
     */
    record Prompt(String model, List<Turn> turns, Double temperature) {
        public Prompt {
            Objects.requireNonNull(model, "model");
            turns = List.copyOf(turns);
            if (turns.isEmpty()) {
                throw new IllegalArgumentException("a prompt needs at least one turn");
            }
        }

        public Prompt(String model, List<Turn> turns) {
            this(model, turns, null);
        }

        /** The same conversation for another model id and temperature. */
        public Prompt with(String otherModel, List<Turn> otherTurns, Double otherTemperature) {
            return new Prompt(otherModel, otherTurns, otherTemperature);
        }
    }

    /**
     * One message of the conversation. {@code images}: pictures sent with a user's message, for models that see them
     * (OpenAI: {@code image_url} parts with a data URL); empty for most turns.
     */
    record Turn(Role role, String content, List<Image> images) {
        public Turn {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(content, "content");
            images = images == null ? List.of() : List.copyOf(images);
        }

        public Turn(Role role, String content) {
            this(role, content, List.of());
        }
    }

    /** A picture in a turn: its media type ({@code image/png}, {@code image/jpeg}, {@code image/webp}) and bytes. */
    record Image(String mediaType, byte[] content) {
        public Image {
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(content, "content");
        }
    }

    /** Receives the answer. Implementations must be thread-safe enough for one producer thread. */
    interface AnswerSink {
        void delta(String text);

        void completed(TokenUsage usage);

        void failed(Failure failure);
    }

    record TokenUsage(int input, int output) {
        public static final TokenUsage UNKNOWN = new TokenUsage(0, 0);
    }

    enum FailureKind {
        /** no API key is configured */
        NOT_CONFIGURED,
        /** the key was refused (401/403): retrying will not help */
        AUTHENTICATION,
        /** too many requests (429) after the allowed retries */
        RATE_LIMITED,
        /** the upstream failed (5xx, connection refused or reset) after the allowed retries */
        UNAVAILABLE,
        /** the upstream went silent for longer than the timeout, before or during the answer; not retried */
        TIMEOUT,
        /** the conversation no longer fits the model's context window */
        CONTEXT_TOO_LONG,
        /** the upstream refused the request as invalid (400, unknown model, ...) */
        BAD_REQUEST,
        /** the stream broke (other than by going silent) after part of the answer had arrived; not retried */
        INTERRUPTED
    }

    /** {@code detail} is for logs: a short, credential-free description. */
    record Failure(FailureKind kind, String detail) {
        public Failure {
            Objects.requireNonNull(kind, "kind");
            detail = detail == null ? "" : detail;
        }
    }

    /** A running answer. */
    interface Streaming {
        /** Stops the answer: no sink call follows once this returns, and the upstream call is abandoned. */
        void cancel();
    }
}
