package uz.suhbat.application.port.in.chat;

/**
 * Answers the last question of a chat's active branch again; the earlier answer (complete, or interrupted by a failure or
 * a Stop) is kept as a version. The user's message is not repeated.
 */
public interface RegenerateAnswerUseCase extends AnswerUseCase {

    Outcome regenerate(long userId, long chatId, AnswerListener listener);
}
