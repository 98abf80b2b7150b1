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

    /**
     * A passage of a PDF model's document that grounded an answer. {@code modelId} names the knowledge
     * model it came from, so that its page can be opened later; 0 when unknown (stored before sources
     * named their model).
     */
    public record Source(long modelId, int page, String text) {

        public Source {
            Objects.requireNonNull(text, "text");
            if (modelId < 0 || page < 1) {
                throw new IllegalArgumentException("modelId >= 0 and page >= 1");
            }
        }
    }
}
