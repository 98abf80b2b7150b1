package uz.suhbat.application.port.in.chat;

/** Switching between versions of a message, and removing a question left unanswered. */
public interface MessageVersionsUseCase {

    /** What switching or removing did. */
    enum Result {
        DONE,
        /** no such chat for this user, or no such message in it */
        NOT_FOUND,
        /** removing: the message is not a question left unanswered at the end of the active branch */
        NOT_REMOVABLE,
        /** an answer in this chat is still on its way; the branch cannot change under it */
        ANSWER_IN_PROGRESS
    }

    /** Shows version {@code rank} of its message: the active branch goes through it from now on. */
    Result choose(long userId, long chatId, int rank);

    /** Removes question {@code rank}, which was left unanswered at the end of the active branch. */
    Result removeUnanswered(long userId, long chatId, int rank);
}
