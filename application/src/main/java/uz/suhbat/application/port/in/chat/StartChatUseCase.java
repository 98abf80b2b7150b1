package uz.suhbat.application.port.in.chat;

/** A user starts a chat with its first message; the message is stored before the model is called. */
public interface StartChatUseCase extends AnswerUseCase {

    Outcome start(long userId, String model, String content, AnswerListener listener);

    /** The same with files the user uploaded before ({@code attachments}: their ids, docs/api.md). */
    default Outcome start(long userId, String model, String content, java.util.List<Long> attachments, AnswerListener listener) {
        if (attachments != null && !attachments.isEmpty()) {
            throw new UnsupportedOperationException("attachments are not supported here");
        }
        return start(userId, model, content, listener);
    }

    /**
     * The same, with what the request already read of its author ({@code ahead}, from
     * {@link uz.suhbat.application.port.in.account.SessionCheckQuery#checkStartingChat}: the session check of a request that
     * starts a chat reads the author as the new chat needs it, so that the chat does not read it a second time). A null
     * {@code ahead}, or one read for another user, is read again.
     */
    default Outcome start(AuthorReadAhead ahead, long userId, String model, String content, java.util.List<Long> attachments,
                          AnswerListener listener) {
        return start(userId, model, content, attachments, listener);
    }

    /** What a request read of its author before it starts a chat; only the service that made it looks inside. */
    interface AuthorReadAhead {
    }
}
