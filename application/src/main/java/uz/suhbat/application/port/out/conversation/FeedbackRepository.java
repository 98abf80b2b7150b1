package uz.suhbat.application.port.out.conversation;

import java.time.Instant;
import java.util.List;

/** Thumbs up or down, with an optional comment, on answers: one per answer. */
public interface FeedbackRepository {

    /**
     * Stores (or replaces) the feedback on the chat's answer at {@code rank}, with the answer's model; false when there
     * is no answer at that rank.
     */
    boolean rate(long chatId, int rank, int rating, String comment, Instant now);

    /** Removes the feedback on the answer at {@code rank}, if any. */
    void clear(long chatId, int rank);

    /** The chat's feedback, in rank order. */
    List<Feedback> ofChat(long chatId);

    /** Feedback counted per answer model, most rated first. */
    List<ModelRate> perModel();

    /** {@code rating}: 1 (up) or -1 (down); {@code comment} may be null. */
    record Feedback(int rank, int rating, String comment, String model, Instant createdAt) {
    }

    record ModelRate(String model, long up, long down) {
    }
}
