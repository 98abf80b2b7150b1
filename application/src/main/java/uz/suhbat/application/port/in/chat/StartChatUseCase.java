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
}
