package uz.suhbat.domain.chat;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import uz.suhbat.domain.limit.MessageLimit;

/**
 * A conversation of one user with a model. It holds at most {@code limit} user messages; at the
 * limit, or once closed (the conversation outgrew the model's context window, or its PDF model was
 * deleted), it can be read but not continued. Whether it may take a message, and why not, is
 * decided here and nowhere else.
 */
public record Chat(long id, long userId, String title, String model, Instant createdAt, Instant updatedAt,
                   MessageLimit limit, int used, ClosedReason closedReason) {

    /** Why a chat takes no more messages. */
    public enum ClosedReason {
        /** it holds its limit of user messages (an admin may have lowered the limit to what it used) */
        LIMIT,
        /** the conversation no longer fits the model's context window */
        CONTEXT_FULL,
        /** its PDF model was deleted */
        MODEL_DELETED;

        /** Only the limit's own closing is undone by a higher limit; the others are for good. */
        public boolean liftedByHigherLimit() {
            return this == LIMIT;
        }

        /** The lower-case name used in storage and on the wire ("limit", "context_full", "model_deleted"). */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static ClosedReason fromWireName(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public Chat {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(limit, "limit");
    }

    /** Why this chat takes no further user message; empty when it takes one. */
    public Optional<ClosedReason> whyNoMessage() {
        if (closedReason != null) {
            return Optional.of(closedReason);
        }
        return limit.allowsMoreThan(used) ? Optional.empty() : Optional.of(ClosedReason.LIMIT);
    }

    public boolean takesMessage() {
        return whyNoMessage().isEmpty();
    }

    public boolean readOnly() {
        return !takesMessage();
    }

    /**
     * Closed for a reason other than its limit (context full, model deleted): nothing more is answered
     * in it, not even again. A chat that only holds its limit may still have its last answer redone.
     */
    public boolean closedForGood() {
        return closedReason != null && !closedReason.liftedByHigherLimit();
    }

    /** The chat after one more user message, written at {@code at} for {@code byModel}. */
    public Chat withMessage(String byModel, Instant at) {
        if (!takesMessage()) {
            throw new IllegalStateException("chat " + id + " takes no message: " + whyNoMessage().orElseThrow());
        }
        return new Chat(id, userId, title, byModel, createdAt, at, limit, used + 1, closedReason);
    }

    /**
     * The chat under another limit: a chat closed by its limit opens again when the new limit is above
     * what it used, an open one closes when it is not; a chat closed for good stays closed.
     */
    public Chat withLimit(MessageLimit newLimit) {
        return new Chat(id, userId, title, model, createdAt, updatedAt, newLimit, used, closedReasonUnder(closedReason, newLimit, used));
    }

    /**
     * The closed reason of a chat that was closed for {@code current} (null: open) and used {@code used}
     * messages, once its limit is {@code newLimit}: see {@link #withLimit}. Null when it takes messages.
     */
    public static ClosedReason closedReasonUnder(ClosedReason current, MessageLimit newLimit, int used) {
        if (current != null && !current.liftedByHigherLimit()) {
            return current;
        }
        return newLimit.allowsMoreThan(used) ? null : ClosedReason.LIMIT;
    }

    public Chat closed(ClosedReason reason) {
        return new Chat(id, userId, title, model, createdAt, updatedAt, limit, used, Objects.requireNonNull(reason, "reason"));
    }

    public boolean ownedBy(long someUserId) {
        return userId == someUserId;
    }
}
