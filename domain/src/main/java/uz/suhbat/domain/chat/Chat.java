package uz.suhbat.domain.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * A conversation of one user with a model. It holds at most {@code messageLimit} user messages;
 * at the limit, or once closed (the conversation outgrew the model's context window, or its PDF
 * model was deleted), it can be read but not continued.
 */
public record Chat(long id, long userId, String title, String model, Instant createdAt, Instant updatedAt,
                   int messageLimit, int used, ClosedReason closedReason) {

    /** LIMIT: an admin lowered the chat's limit to what it used (raising it again reopens the chat). */
    public enum ClosedReason {
        LIMIT, CONTEXT_FULL, MODEL_DELETED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Chat {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(model, "model");
    }

    public boolean readOnly() {
        return closedReason != null || used >= messageLimit;
    }

    /** Why this chat takes no more messages, or null: "limit", "context_full", "model_deleted". */
    public String readOnlyReason() {
        if (closedReason != null) {
            return closedReason.wireName();
        }
        return used >= messageLimit ? "limit" : null;
    }

    public boolean ownedBy(long someUserId) {
        return userId == someUserId;
    }
}
