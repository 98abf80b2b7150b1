package uz.suhbat.adapter.out.ai.fake;

import java.util.List;

/**
 * What {@link FakeAnthropic} and {@link FakeGemini} can do with a request beyond a {@link Reply}:
 * the ways their streams end that OpenAI's does not have.
 */
public sealed interface StreamReply {

    /**
     * Streams {@code pieces}, then an error inside the stream: Anthropic's {@code error} event, or a
     * Gemini chunk that is an error body. {@code type} is Anthropic's error type
     * ({@code overloaded_error}) or Google's status ({@code UNAVAILABLE}).
     */
    record ErrorInStream(List<String> pieces, String type, String message) implements StreamReply {
        public ErrorInStream {
            pieces = List.copyOf(pieces);
        }
    }

    /** Streams {@code pieces}, then closes the stream cleanly but without the provider's final event or finish reason. */
    record EndsEarly(List<String> pieces) implements StreamReply {
        public EndsEarly {
            pieces = List.copyOf(pieces);
        }
    }

    static ErrorInStream errorInStream(String type, String message, String... piecesBefore) {
        return new ErrorInStream(List.of(piecesBefore), type, message);
    }

    static EndsEarly endsEarly(String... pieces) {
        return new EndsEarly(List.of(pieces));
    }
}
