package uz.suhbat.domain.report;

import java.time.Instant;
import java.util.List;

/** One chat in full, for reading, printing and export. Messages are in rank order. */
public record ChatTranscript(ChatOverview chat, String userEmail, List<Line> messages) {

    public ChatTranscript {
        messages = List.copyOf(messages);
    }

    /** {@code role}: "user", "assistant" or "system"; tokens are null when unknown (user messages). */
    public record Line(int rank, String role, String content, Instant createdAt, String model, String status,
                       Integer inputTokens, Integer outputTokens) {
    }
}
