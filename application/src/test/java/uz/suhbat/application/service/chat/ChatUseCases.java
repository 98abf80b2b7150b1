package uz.suhbat.application.service.chat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerListener;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Refusal;
import uz.suhbat.application.fake.FixedContextWindows;
import uz.suhbat.application.port.in.chat.ChatQuery;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.chat.ChatLimitPolicyPort;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.limit.DailyQuotaPort;

/** The chat's use cases wired as bootstrap wires them, around one {@link AnswerStarter}, for tests that follow a chat through several. */
public final class ChatUseCases {

    public final ChatQueryService query;
    public final ManageChatService manage;
    public final StartChatService starting;
    public final SendMessageService sending;
    public final RegenerateAnswerService regenerating;
    public final MessageVersionsService versions;
    /** "One answer per chat at a time", as bootstrap wires it (in memory here). */
    public final uz.suhbat.application.fake.InMemoryAnswerGuard guard;
    /** What starting, sending and regenerating share; bootstrap calls its {@link AnswerStarter#keepClaimsAlive} on a timer. */
    public final AnswerStarter answerStarter;
    /** Pins, archives, title sources, shares and feedback, over the same chats. */
    public final uz.suhbat.application.fake.InMemoryConversations conversations;
    /** Model-written titles, for tests that start chats through {@code titles.around(starting)}. */
    public final ModelTitles titles;

    public ChatUseCases(ChatRepository chats, UserRepository users, ChatModelPort model, ChatLimitPolicyPort limits, Clock clock,
                        List<String> openAiModels, PdfModels pdfModels, DailyQuotaPort quotas) {
        this(chats, users, model, limits, clock, openAiModels, pdfModels, quotas, null);
    }

    /** With custom instructions kept in {@code preferences}. */
    public ChatUseCases(ChatRepository chats, UserRepository users, ChatModelPort model, ChatLimitPolicyPort limits, Clock clock,
                        List<String> openAiModels, PdfModels pdfModels, DailyQuotaPort quotas,
                        uz.suhbat.application.port.out.account.PreferenceRepository preferences) {
        ModelCatalog catalog = new ModelCatalog(openAiModels, pdfModels, new FixedContextWindows(128_000));
        guard = new uz.suhbat.application.fake.InMemoryAnswerGuard(chats);
        AnswerStarter answers = new AnswerStarter(chats, model, pdfModels, clock, guard, preferences);
        // what a new chat's answer does off the request's thread (the early call, the end of an answer that ended before its chat
        // was stored) runs in place, so that tests see the answer end when start returns
        answers.aside(Runnable::run);
        answerStarter = answers;
        conversations = new uz.suhbat.application.fake.InMemoryConversations(chats);
        query = new ChatQueryService(chats, catalog, model, quotas, clock, conversations);
        manage = new ManageChatService(chats, conversations);
        titles = new ModelTitles(conversations, model, catalog, null);
        starting = new StartChatService(limits, chats, model, catalog, answers, quotas, clock);
        sending = new SendMessageService(chats, users, model, catalog, answers, quotas, clock);
        regenerating = new RegenerateAnswerService(chats, users, model, catalog, answers, quotas, clock);
        versions = new MessageVersionsService(chats, guard, clock);
    }

    public Outcome start(long userId, String modelId, String content, AnswerListener listener) {
        return starting.start(userId, modelId, content, listener);
    }

    public Outcome send(long userId, long chatId, String content, String modelId, AnswerListener listener) {
        return sending.send(userId, chatId, content, modelId, listener);
    }

    public Outcome regenerate(long userId, long chatId, AnswerListener listener) {
        return regenerating.regenerate(userId, chatId, listener);
    }

    public Outcome edit(long userId, long chatId, int rank, String content, String modelId, AnswerListener listener) {
        return sending.edit(userId, chatId, rank, content, modelId, listener);
    }

    public List<ChatQuery.ChatSummary> chats(long userId) {
        return query.chats(userId);
    }

    public Optional<ChatQuery.ChatView> chat(long userId, long chatId) {
        return query.chat(userId, chatId);
    }

    public List<ChatQuery.ModelOption> models() {
        return query.models();
    }

    public boolean answeringAvailable() {
        return query.answeringAvailable();
    }

    public Optional<ChatQuery.DailyAllowance> allowance(long userId) {
        return query.allowance(userId);
    }

    public boolean rename(long userId, long chatId, String title) {
        return manage.rename(userId, chatId, title);
    }

    public boolean delete(long userId, long chatId) {
        return manage.delete(userId, chatId);
    }
}
