package uz.suhbat.application.port.in.chat;

/**
 * A user writes to one of their chats and the model's answer streams back. The user's message is
 * stored before the model is called; the answer when it completes (or, cut short, as "interrupted").
 */
public interface SendMessageUseCase extends AnswerUseCase {

    /** {@code model} may be null to keep the chat's model. */
    Outcome send(long userId, long chatId, String content, String model, AnswerListener listener);

    /** The same with files the user uploaded before ({@code attachments}: their ids, docs/api.md). */
    default Outcome send(long userId, long chatId, String content, String model, java.util.List<Long> attachments,
                         AnswerListener listener) {
        if (attachments != null && !attachments.isEmpty()) {
            throw new UnsupportedOperationException("attachments are not supported here");
        }
        return send(userId, chatId, content, model, listener);
    }
}
