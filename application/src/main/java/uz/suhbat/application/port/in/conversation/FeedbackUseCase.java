package uz.suhbat.application.port.in.conversation;

import java.util.List;

/** Thumbs up or down, with an optional comment, on one's own answers. */
public interface FeedbackUseCase {

    int MAX_COMMENT = 1000;

    /** False when the chat is not the user's or holds no answer at {@code rank}. A blank comment is none; longer ones are cut. */
    boolean rate(long userId, long chatId, int rank, boolean up, String comment);

    /** False when the chat is not the user's. */
    boolean clear(long userId, long chatId, int rank);

    /** The feedback given in the user's chat, in rank order; empty when the chat is not the user's. */
    List<Given> ofChat(long userId, long chatId);

    /** {@code comment} may be null. */
    record Given(int rank, boolean up, String comment) {
    }
}
