package uz.suhbat.application.service.chat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Refusal;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.domain.chat.Message;
import uz.suhbat.domain.chat.Role;

/**
 * What the chat needs of files attached to messages: whether a message may carry them, binding them to the question
 * once it is stored, and what they add to the prompt. The attachment side implements it ({@code service.attachment}),
 * so the chat side does not depend on it; {@link #NONE} when no attachments are wired.
 */
public interface ChatAttachments {

    /** Refuses attachments, and adds nothing to a prompt. */
    ChatAttachments NONE = new ChatAttachments() {
        @Override
        public Optional<Refusal> check(long userId, List<Long> ids, String pickerId) {
            return ids.isEmpty() ? Optional.empty() : Optional.of(Refusal.ATTACHMENT_NOT_FOUND);
        }

        @Override
        public void bind(long userId, List<Long> ids, long chatId, int rank) {
        }

        @Override
        public Optional<Refusal> checkEdit(long userId, long chatId, int editedRank, List<Long> ids, String pickerId) {
            return ids == null || ids.isEmpty() ? Optional.empty() : Optional.of(Refusal.ATTACHMENT_NOT_FOUND);
        }

        @Override
        public void bindEdit(long userId, long chatId, int editedRank, List<Long> ids, int rank) {
        }

        @Override
        public void release(long chatId, int rank) {
        }

        @Override
        public Context context(long chatId, List<Message> history, String pickerId) {
            return Context.EMPTY;
        }
    };

    /** Empty when the user's pending uploads {@code ids} may go with a message to the model picked as {@code pickerId}. */
    Optional<Refusal> check(long userId, List<Long> ids, String pickerId);

    /** Binds the files to the stored question ({@code rank}) of the chat. */
    void bind(long userId, List<Long> ids, long chatId, int rank);

    /**
     * Empty when an edited version of question {@code editedRank} may go with {@code ids} to the model picked as
     * {@code pickerId}: each id one of the edited question's own files (kept) or a pending upload of the user (added);
     * {@code null} keeps all of the question's files. The same rules as a new message's (how many, pictures).
     */
    Optional<Refusal> checkEdit(long userId, long chatId, int editedRank, List<Long> ids, String pickerId);

    /** The edited version, stored as question {@code rank}, keeps the files of {@code editedRank} it names and takes the new ones. */
    void bindEdit(long userId, long chatId, int editedRank, List<Long> ids, int rank);

    /** Question {@code rank} was removed (its rank may be given again): its files leave it. */
    void release(long chatId, int rank);

    /** What the files of {@code history} (the branch sent to the model, the question last) add to the prompt. */
    Context context(long chatId, List<Message> history, String pickerId);

    /**
     * {@code textByRank}: text added to a question (short documents whole, names of pictures a model does not see);
     * {@code imagesByRank}: pictures sent with a question; {@code system}: passages of long documents found for the
     * question, as a system message; {@code sources}: those passages' pages, stored with the answer.
     */
    record Context(Map<Integer, String> textByRank, Map<Integer, List<ChatModelPort.Image>> imagesByRank, Optional<String> system,
                   List<Message.Source> sources) {

        public static final Context EMPTY = new Context(Map.of(), Map.of(), Optional.empty(), List.of());

        public Context {
            textByRank = Map.copyOf(textByRank);
            imagesByRank = Map.copyOf(imagesByRank);
            sources = List.copyOf(sources);
        }

        /** The message as the model gets it, with its files. */
        ChatModelPort.Turn turn(Message message) {
            if (message.role() != Role.USER) {
                return new ChatModelPort.Turn(message.role(), message.content());
            }
            String added = textByRank.get(message.rank());
            return new ChatModelPort.Turn(message.role(), added == null ? message.content() : message.content() + added,
                    imagesByRank.getOrDefault(message.rank(), List.of()));
        }
    }
}
