package uz.suhbat.domain.report;

import java.time.Instant;
import java.util.List;

/** One chat in full, for reading, printing and export. Messages are in rank order. */
public record ChatTranscript(ChatOverview chat, String userEmail, List<Line> messages) {

    public ChatTranscript {
        messages = List.copyOf(messages);
    }

    /**
     * {@code role}: "user", "assistant" or "system"; tokens are null when unknown (user messages);
     * {@code sources}: the PDF passages an answer cited, in the order it was given them.
     */
    public record Line(int rank, String role, String content, Instant createdAt, String model, String status,
                       Integer inputTokens, Integer outputTokens, List<Citation> sources) {

        public Line {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }

        /** A line that cites nothing. */
        public Line(int rank, String role, String content, Instant createdAt, String model, String status,
                    Integer inputTokens, Integer outputTokens) {
            this(rank, role, content, createdAt, model, status, inputTokens, outputTokens, List.of());
        }
    }

    /** A cited passage: its page in the model's document and its text. */
    /** {@code opens}: a PDF model's page, which opens as a one-page PDF; a passage of a chat's attached file does not. */
    public record Citation(int page, String text, boolean opens) {
    }
}
