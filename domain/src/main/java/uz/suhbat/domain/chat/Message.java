package uz.suhbat.domain.chat;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One message of a chat; {@code rank} is its position (1, 2, 3 ...). Sources are the PDF passages an answer drew on. */
public record Message(int rank, Role role, String content, Instant createdAt, MessageStatus status, String model,
                      int inputTokens, int outputTokens, List<Source> sources) {

    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
        status = status == null ? MessageStatus.COMPLETE : status;
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public record Source(int page, String text) {
    }
}
