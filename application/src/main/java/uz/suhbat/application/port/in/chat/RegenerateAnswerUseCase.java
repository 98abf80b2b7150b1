package uz.suhbat.application.port.in.chat;

/** Answers the last user message of a chat again, replacing an interrupted answer; the user's message is not repeated. */
public interface RegenerateAnswerUseCase extends AnswerUseCase {

    Outcome regenerate(long userId, long chatId, AnswerListener listener);
}
