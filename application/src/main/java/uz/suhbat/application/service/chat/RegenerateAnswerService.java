package uz.suhbat.application.service.chat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerListener;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Refusal;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome.Refused;
import uz.suhbat.application.port.in.chat.RegenerateAnswerUseCase;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.limit.DailyQuotaPort;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.chat.Message;
import uz.suhbat.domain.chat.MessageStatus;
import uz.suhbat.domain.chat.Role;

/**
 * The last user message answered again, replacing an interrupted answer. Nothing new is written by
 * the user, so neither the chat's limit nor the daily quota is used; a chat closed for good is not
 * answered again.
 */
public final class RegenerateAnswerService implements RegenerateAnswerUseCase {

    private final ChatRepository chats;
    private final UserRepository users;
    private final ChatModelPort model;
    private final ModelCatalog catalog;
    private final AnswerStarter answers;
    private final DailyCount daily;

    public RegenerateAnswerService(ChatRepository chats, UserRepository users, ChatModelPort model, ModelCatalog catalog,
                                   AnswerStarter answers, DailyQuotaPort quotas, Clock clock) {
        this.chats = chats;
        this.users = users;
        this.model = model;
        this.catalog = catalog;
        this.answers = answers;
        this.daily = new DailyCount(quotas, clock);
    }

    @Override
    public Outcome regenerate(long userId, long chatId, AnswerListener listener) {
        Optional<Chat> found = chats.find(chatId).filter(c -> c.ownedBy(userId));
        if (found.isEmpty()) {
            return new Refused(Refusal.NOT_FOUND);
        }
        Chat chat = found.get();
        Optional<ModelCatalog.ModelChoice> choice = catalog.choose(chat.model());
        Optional<Refusal> refusal = Refusals.writer(users.findById(userId), model).or(() -> Refusals.model(choice))
                .or(() -> chat.closedForGood() ? Optional.of(Refusal.CHAT_CLOSED) : Optional.empty());
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        List<Message> messages = chats.messages(chatId);
        if (messages.isEmpty()) {
            return new Refused(Refusal.NOTHING_TO_REGENERATE);
        }
        Message last = messages.get(messages.size() - 1);
        if (last.role() == Role.ASSISTANT) {
            if (last.status() != MessageStatus.INTERRUPTED) {
                return new Refused(Refusal.NOTHING_TO_REGENERATE);
            }
            chats.deleteLastMessage(chatId, last.rank());
            messages = messages.subList(0, messages.size() - 1);
        }
        return answers.answer(chat, messages, listener, daily.allowance(userId), choice.get());
    }
}
