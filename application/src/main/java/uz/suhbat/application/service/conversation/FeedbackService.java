package uz.suhbat.application.service.conversation;

import java.time.Clock;
import java.util.List;
import uz.suhbat.application.port.in.conversation.FeedbackReportQuery;
import uz.suhbat.application.port.in.conversation.FeedbackUseCase;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.conversation.FeedbackRepository;
import uz.suhbat.domain.shared.ShortText;

/** Thumbs up or down on answers: given by the chat's owner, read by admins per model and per chat. */
public final class FeedbackService implements FeedbackUseCase, FeedbackReportQuery {

    private final ChatRepository chats;
    private final FeedbackRepository feedback;
    private final Clock clock;

    public FeedbackService(ChatRepository chats, FeedbackRepository feedback, Clock clock) {
        this.chats = chats;
        this.feedback = feedback;
        this.clock = clock;
    }

    @Override
    public boolean rate(long userId, long chatId, int rank, boolean up, String comment) {
        if (Owned.chat(chats, userId, chatId).isEmpty()) {
            return false;
        }
        String cleaned = comment == null || comment.isBlank() ? null : ShortText.cut(comment.strip(), MAX_COMMENT);
        return feedback.rate(chatId, rank, up ? 1 : -1, cleaned, clock.instant());
    }

    @Override
    public boolean clear(long userId, long chatId, int rank) {
        if (Owned.chat(chats, userId, chatId).isEmpty()) {
            return false;
        }
        feedback.clear(chatId, rank);
        return true;
    }

    @Override
    public List<Given> ofChat(long userId, long chatId) {
        return Owned.chat(chats, userId, chatId).map(c -> ofChat(c.id())).orElse(List.of());
    }

    @Override
    public List<Given> ofChat(long chatId) {
        return feedback.ofChat(chatId).stream().map(f -> new Given(f.rank(), f.rating() > 0, f.comment())).toList();
    }

    @Override
    public List<ModelRate> perModel() {
        return feedback.perModel().stream().map(r -> new ModelRate(r.model(), r.up(), r.down())).toList();
    }
}
