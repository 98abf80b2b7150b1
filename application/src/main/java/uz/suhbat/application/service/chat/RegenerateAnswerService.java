package uz.suhbat.application.service.chat;

import java.time.Clock;
import java.time.Instant;
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
import uz.suhbat.domain.chat.MessageTree;

/**
 * The last question of the chat's active branch answered again (regenerate, or Retry after a failure or a Stop): the
 * earlier answer, complete or interrupted, is kept as a version and the new one is shown; a question left unanswered
 * gets its answer. A chat closed for good is not answered again.
 * Another answer costs what a new message costs: one of the user's daily quota and one of the chat's limit, counted
 * before the model is asked, so that Stop and regenerate repeated cannot ask the model for free; and, like every answer,
 * it waits for no other answer to run in the chat ({@link AnswerStarter#oneAtATime}).
 */
public final class RegenerateAnswerService implements RegenerateAnswerUseCase {

    private final ChatRepository chats;
    private final UserRepository users;
    private final ChatModelPort model;
    private final ModelCatalog catalog;
    private final AnswerStarter answers;
    private final DailyCount daily;
    private final Clock clock;

    public RegenerateAnswerService(ChatRepository chats, UserRepository users, ChatModelPort model, ModelCatalog catalog,
                                   AnswerStarter answers, DailyQuotaPort quotas, Clock clock) {
        this.chats = chats;
        this.users = users;
        this.model = model;
        this.catalog = catalog;
        this.answers = answers;
        this.daily = new DailyCount(quotas, clock);
        this.clock = clock;
    }

    @Override
    public Outcome regenerate(long userId, long chatId, AnswerListener listener) {
        Optional<Chat> found = chats.find(chatId).filter(c -> c.ownedBy(userId));
        if (found.isEmpty()) {
            return new Refused(Refusal.NOT_FOUND);
        }
        Chat chat = found.get();
        Optional<ModelCatalog.ModelChoice> choice = catalog.choose(chat.model());
        Optional<Refusal> refusal = Refusals.writer(users.findById(userId), model).or(() -> Refusals.model(choice, catalog, chat.model()))
                .or(() -> chat.closedForGood() ? Optional.of(Refusal.CHAT_CLOSED) : Optional.empty());
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        // the claim first: what the chat's last message is, and what it used, can change until no other answer runs
        return answers.oneAtATime(chatId, claim -> regenerateClaimed(userId, chatId, listener, choice.get(), claim));
    }

    private Outcome regenerateClaimed(long userId, long chatId, AnswerListener listener, ModelCatalog.ModelChoice choice, AnswerClaim claim) {
        MessageTree tree = MessageTree.of(chats.tree(chatId));
        Optional<Message> question = tree.questionToAnswerAgain();
        if (question.isEmpty()) {
            return new Refused(Refusal.NOTHING_TO_REGENERATE);
        }
        Optional<Chat> current = chats.find(chatId);
        if (current.isEmpty()) {
            return new Refused(Refusal.NOT_FOUND);
        }
        Optional<Refusal> full = Refusals.taking(current.get());
        if (full.isPresent()) {
            return new Refused(full.get());
        }
        Instant now = clock.instant();
        DailyCount.Counted counted = daily.count(userId, now);
        if (counted.refused()) {
            return new Refused(Refusal.DAILY_QUOTA_REACHED);
        }
        if (daily.storeCounted(counted, () -> chats.countAnswerAgain(chatId, now) ? Optional.of(Boolean.TRUE) : Optional.<Boolean>empty())
                .isEmpty()) {
            return new Refused(chats.find(chatId).map(c -> c.closedForGood() ? Refusal.CHAT_CLOSED : Refusal.LIMIT_REACHED)
                    .orElse(Refusal.NOT_FOUND));
        }
        // the earlier answer, complete or cut short, stays as a version; the new one becomes the chosen version
        Chat chat = current.get();
        return answers.answer(chat.withMessage(chat.model(), now), tree.branchUpTo(question.get().rank()), listener, counted.allowance(),
                choice, claim);
    }
}
