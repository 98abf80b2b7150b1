package uz.suhbat.application.port.in.chat;

/** A user starts a chat with its first message; the message is stored before the model is called. */
public interface StartChatUseCase extends AnswerUseCase {

    Outcome start(long userId, String model, String content, AnswerListener listener);
}
