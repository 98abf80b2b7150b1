package uz.suhbat.application.port.in.chat;

/**
 * A user edits one of their questions on the chat's active branch: the edited text is stored as a new version of that
 * question, the conversation goes on from it as a new branch (the old branch is kept, reachable by switching versions),
 * and the model's answer streams back. It counts against the chat's limit and the daily quota like a new message.
 */
public interface EditMessageUseCase extends AnswerUseCase {

    /**
     * {@code rank}: the question edited; {@code model} may be null to keep the chat's model. The new version keeps the
     * question's attached files.
     */
    Outcome edit(long userId, long chatId, int rank, String content, String model, AnswerListener listener);

    /**
     * As above, with the files the new version goes with: {@code attachments} null keeps all of the question's files;
     * a list keeps those of them it names (the others are left out of the new version, still on the old one) and adds
     * the user's pending uploads it names (docs/api.md).
     */
    Outcome edit(long userId, long chatId, int rank, String content, String model, java.util.List<Long> attachments,
                 AnswerListener listener);
}
