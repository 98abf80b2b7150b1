package uz.suhbat.application.port.in.chat;

/**
 * A user writes to one of their chats and the model's answer streams back. The user's message is
 * stored before the model is called; the answer when it completes (or, cut short, as "interrupted").
 */
public interface SendMessageUseCase extends AnswerUseCase {

    /** {@code model} may be null to keep the chat's model. */
    Outcome send(long userId, long chatId, String content, String model, AnswerListener listener);
}
