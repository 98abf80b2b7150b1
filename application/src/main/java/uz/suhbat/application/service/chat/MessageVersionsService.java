package uz.suhbat.application.service.chat;

import java.time.Clock;
import java.util.Optional;
import uz.suhbat.application.port.in.chat.MessageVersionsUseCase;
import uz.suhbat.application.port.out.chat.AnswerGuardPort;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.domain.chat.MessageTree;

/**
 * Switching versions and removing an unanswered question change the active branch, so they wait for no answer: while
 * one runs in the chat (on any node) they are refused, as the answer is stored on the branch it started from.
 */
public final class MessageVersionsService implements MessageVersionsUseCase {

    private final ChatRepository chats;
    /** held only while the branch changes, so never kept alive */
    private final AnswerClaim.Live claims;
    /** files attached to messages; set once at wiring ({@link #attachments(ChatAttachments)}) */
    private volatile ChatAttachments attachments = ChatAttachments.NONE;

    public MessageVersionsService(ChatRepository chats, AnswerGuardPort guard, Clock clock) {
        this.chats = chats;
        this.claims = new AnswerClaim.Live(guard, chats, clock);
    }

    /** Wires the files attached to messages, whose questions a removal leaves (bootstrap, once). */
    public void attachments(ChatAttachments attachments) {
        this.attachments = java.util.Objects.requireNonNull(attachments, "attachments");
    }

    @Override
    public Result choose(long userId, long chatId, int rank) {
        if (chats.find(chatId).filter(c -> c.ownedBy(userId)).isEmpty()) {
            return Result.NOT_FOUND;
        }
        return claimed(chatId, () -> chats.choose(chatId, rank) ? Result.DONE : Result.NOT_FOUND);
    }

    @Override
    public Result removeUnanswered(long userId, long chatId, int rank) {
        if (chats.find(chatId).filter(c -> c.ownedBy(userId)).isEmpty()) {
            return Result.NOT_FOUND;
        }
        return claimed(chatId, () -> {
            MessageTree tree = MessageTree.of(chats.tree(chatId));
            if (tree.parentOf(rank).isEmpty()) {
                return Result.NOT_FOUND;
            }
            if (!chats.removeUnanswered(chatId, rank)) {
                return Result.NOT_REMOVABLE;
            }
            // still holding the claim: the rank may be given to the next question, which must not get these files
            attachments.release(chatId, rank);
            return Result.DONE;
        });
    }

    private Result claimed(long chatId, java.util.function.Supplier<Result> body) {
        Optional<AnswerClaim> claim = claims.take(chatId);
        if (claim.isEmpty()) {
            return Result.ANSWER_IN_PROGRESS;
        }
        try {
            return body.get();
        } finally {
            claim.get().release();
        }
    }
}
