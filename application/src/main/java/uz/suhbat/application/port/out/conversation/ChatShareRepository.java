package uz.suhbat.application.port.out.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Read-only links to a chat as it was when shared: one link per chat at most, with a copy of its messages. */
public interface ChatShareRepository {

    /** Replaces the chat's link (if any) by a new one with {@code token} and a copy of {@code messages}, in one step. */
    Share create(long chatId, String token, String title, String model, List<SharedMessage> messages, Instant now);

    Optional<Share> linkOf(long chatId);

    /** The shared chat behind a token; empty when the token is unknown, revoked or its chat deleted. */
    Optional<SharedChat> byToken(String token);

    /** Removes the chat's link; false when it had none. */
    boolean revoke(long chatId);

    record Share(long chatId, String token, Instant createdAt) {
    }

    record SharedChat(String title, String model, Instant createdAt, List<SharedMessage> messages) {
        public SharedChat {
            messages = List.copyOf(messages);
        }
    }

    /** {@code role}: "user" or "assistant"; {@code files}: what was attached to a question, by name and kind only. */
    record SharedMessage(int rank, String role, String content, Instant createdAt, List<SharedFile> files) {
        public SharedMessage {
            files = List.copyOf(files);
        }

        public SharedMessage(int rank, String role, String content, Instant createdAt) {
            this(rank, role, content, createdAt, List.of());
        }
    }

    /**
     * A file attached to a shared question, as the link shows it: its name, its kind (pdf, docx, text, png, jpeg, webp)
     * and pages; never its content.
     */
    record SharedFile(String name, String kind, int pages) {
    }
}
