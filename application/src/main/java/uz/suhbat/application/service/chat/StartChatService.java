package uz.suhbat.application.service.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerListener;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Refusal;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome.Refused;
import uz.suhbat.application.port.in.chat.StartChatUseCase;
import uz.suhbat.application.port.in.chat.StartChatUseCase.AuthorReadAhead;
import uz.suhbat.application.service.account.NewChatReadAhead;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.chat.ChatLimitPolicyPort;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.chat.NewChatReadPort;
import uz.suhbat.application.port.out.limit.DailyQuotaPort;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.chat.ChatTitle;
import uz.suhbat.domain.chat.ContextWindow;

/** A new chat with its first message, stored (with the chat) before the model is called. */
public final class StartChatService implements StartChatUseCase {

    private final NewChatReadPort authors;
    private final ChatRepository chats;
    private final ChatModelPort model;
    private final ModelCatalog catalog;
    private final AnswerStarter answers;
    private final DailyCount daily;
    private final Clock clock;

    public StartChatService(ChatLimitPolicyPort limits, ChatRepository chats, ChatModelPort model, ModelCatalog catalog,
                            AnswerStarter answers, DailyQuotaPort quotas, Clock clock) {
        this(NewChatReadPort.separately(limits, quotas, answers.preferences()), chats, model, catalog, answers, quotas, clock);
    }

    /** @param authors what a new chat reads of its author (limit, daily quota, custom instructions), in one read where it can */
    public StartChatService(NewChatReadPort authors, ChatRepository chats, ChatModelPort model, ModelCatalog catalog,
                            AnswerStarter answers, DailyQuotaPort quotas, Clock clock) {
        this.authors = authors;
        this.chats = chats;
        this.model = model;
        this.catalog = catalog;
        this.answers = answers;
        this.daily = new DailyCount(quotas, clock);
        this.clock = clock;
    }

    @Override
    public Outcome start(long userId, String modelId, String content, AnswerListener listener) {
        return start(userId, modelId, content, List.of(), listener);
    }

    @Override
    public Outcome start(long userId, String modelId, String content, List<Long> attachments, AnswerListener listener) {
        return start(null, userId, modelId, content, attachments, listener);
    }

    @Override
    public Outcome start(AuthorReadAhead ahead, long userId, String modelId, String content, List<Long> attachments,
                         AnswerListener listener) {
        List<Long> files = attachments == null ? List.of() : List.copyOf(attachments);
        // the author, the new chat's limit, the daily quota and the custom instructions in one read: every new chat waits for it;
        // read already by this request's session check where it could (the same statement, moments ago), else read here
        Optional<NewChatReadPort.NewChatFacts> facts = ahead instanceof NewChatReadAhead read && read.userId() == userId
                ? Optional.of(read.facts()) : authors.newChatOf(userId);
        Optional<ChatLimitPolicyPort.NewChatAuthor> author = facts.map(NewChatReadPort.NewChatFacts::author);
        Optional<ModelCatalog.ModelChoice> choice = catalog.choose(modelId);
        Optional<Refusal> refusal = Refusals.writer(author.map(ChatLimitPolicyPort.NewChatAuthor::user), model)
                .or(() -> Refusals.content(content)).or(() -> Refusals.model(choice, catalog, modelId))
                .or(() -> answers.attachments().check(userId, files, modelId));
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        if (!ContextWindow.fits(choice.get().windowTokens(), List.of(content))) {
            return new Refused(Refusal.CHAT_CLOSED);
        }
        String title = ChatTitle.fromFirstMessage(content);
        Instant now = clock.instant();
        DailyCount.Counted counted = daily.count(userId, facts.get().dailyQuota(), now);
        if (counted.refused()) {
            return new Refused(Refusal.DAILY_QUOTA_REACHED);
        }
        // the model is asked while the chat is stored (a question without files: nothing of the request needs the stored chat);
        // what it answers is held until the chat's transaction has committed, and dropped, the call cancelled, if it failed
        Optional<AnswerStarter.Early> early = files.isEmpty()
                ? Optional.of(answers.askEarly(content, now, choice.get(), answers.systemMessageOf(facts.get().instructions())))
                : Optional.empty();
        try {
            // nobody knew the chat a moment ago, so its claim is free: taken in the insert that makes it, where the repository can
            String owner = AnswerStarter.newClaimOwner();
            ChatRepository.ClaimedStart created = daily.storeCounted(counted,
                    () -> Optional.of(chats.createClaimedWithFirstMessage(userId, title, modelId, author.get().limitForNewChat(), content, now, owner)))
                    .orElseThrow();
            ChatRepository.StartedChat started = created.started();
            Chat chat = started.chat();
            Optional<String> instructions = answers.instructNewChat(chat.id(), facts.get().instructions());
            if (!files.isEmpty()) {
                answers.attachments().bind(userId, files, chat.id(), started.first().rank());
            }
            // held before the chat's id is told
            Outcome outcome = answers.oneAtATime(chat.id(), created.claimed() ? owner : null, now, claim -> {
                Runnable told = () -> listener.chatCreated(chat.id(), chat.title());
                java.util.function.Supplier<Outcome> asked = () -> answers.answer(chat, List.of(started.first()), listener,
                        counted.allowance(), choice.get(), claim, instructions, !files.isEmpty());
                if (early.isPresent()) {
                    return early.get().answer(chat, started.first().rank(), listener, counted.allowance(), claim, told, asked);
                }
                AnswerStarter.tell(told);
                return asked.get();
            });
            if (!(outcome instanceof Outcome.Started)) {
                early.ifPresent(AnswerStarter.Early::cancel);
            }
            return outcome;
        } catch (RuntimeException | Error e) {
            // the chat could not be stored (the database), or its answer not started: nothing of the early call reaches the user,
            // who keeps the question and hears of the failure as before
            early.ifPresent(AnswerStarter.Early::cancel);
            throw e;
        }
    }
}
