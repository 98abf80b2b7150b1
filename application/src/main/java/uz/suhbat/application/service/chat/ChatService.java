package uz.suhbat.application.service.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import uz.suhbat.application.port.in.chat.ChatQuery;
import uz.suhbat.application.port.in.chat.ManageChatUseCase;
import uz.suhbat.application.port.in.chat.SendMessageUseCase;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.chat.AnswerGuardPort;
import uz.suhbat.application.port.out.chat.ChatLimitPolicyPort;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.limit.DailyQuotaPort;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.chat.ChatTitle;
import uz.suhbat.domain.chat.ContextWindow;
import uz.suhbat.domain.chat.Message;
import uz.suhbat.domain.chat.MessageStatus;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.knowledge.KnowledgeIndex;
import uz.suhbat.domain.knowledge.KnowledgeModel;
import uz.suhbat.domain.limit.DailyQuota;
import uz.suhbat.domain.user.User;
import uz.suhbat.application.service.knowledge.GroundedPrompt;
import uz.suhbat.application.service.knowledge.KnowledgeLibrary;

/**
 * Chats: reading them, writing to them, and streaming the model's answers. The user's message is
 * stored before the model is called, so no failure of the model loses it; the whole chat is sent
 * to the model every turn.
 */
public final class ChatService implements ChatQuery, ManageChatUseCase, SendMessageUseCase {

    static final int MAX_CONTENT = 32_000;

    private final ChatRepository chats;
    private final UserRepository users;
    private final ChatModelPort model;
    private final ChatLimitPolicyPort limits;
    private final Clock clock;
    private final List<String> openAiModels;
    private final KnowledgeLibrary knowledge;
    private final DailyQuotaPort quotas;
    private final AnswerGuardPort guard;

    /**
     * @param guard "one answer per chat at a time": send, regenerate and a new chat's first answer each claim the chat
     *              before anything is counted or stored, and release it when the answer ends
     */
    public ChatService(ChatRepository chats, UserRepository users, ChatModelPort model, ChatLimitPolicyPort limits, Clock clock,
                       List<String> openAiModels, KnowledgeLibrary knowledge, DailyQuotaPort quotas, AnswerGuardPort guard) {
        this.guard = guard;
        this.chats = chats;
        this.users = users;
        this.model = model;
        this.limits = limits;
        this.clock = clock;
        this.openAiModels = List.copyOf(openAiModels);
        this.knowledge = knowledge;
        this.quotas = quotas;
    }

    // ---- reading

    @Override
    public List<ChatSummary> chats(long userId) {
        return chats.findByUser(userId).stream()
                .map(c -> new ChatSummary(c.id(), c.title(), c.model(), c.createdAt(), c.updatedAt(), c.used(), c.messageLimit(), c.readOnly()))
                .toList();
    }

    @Override
    public Optional<ChatView> chat(long userId, long chatId) {
        return chats.find(chatId).filter(c -> c.ownedBy(userId)).map(this::view);
    }

    private ChatView view(Chat c) {
        List<MessageView> messages = chats.messages(c.id()).stream()
                .map(m -> new MessageView(m.rank(), m.role().wireName(), m.content(), m.createdAt(), m.status().wireName(),
                        m.sources().stream().map(s -> new SourceView(s.page(), s.text())).toList()))
                .toList();
        return new ChatView(c.id(), c.title(), c.model(), c.used(), c.messageLimit(), c.readOnly(), c.readOnlyReason(), c.createdAt(), messages);
    }

    @Override
    public List<ModelOption> models() {
        List<ModelOption> options = new ArrayList<>(openAiModels.stream().map(id -> new ModelOption(id, id, "openai", "")).toList());
        for (KnowledgeModel pdf : knowledge.launched()) {
            options.add(new ModelOption(pdf.pickerId(), pdf.name(), "pdf", pdf.description() == null ? "" : pdf.description()));
        }
        return options;
    }

    @Override
    public boolean answeringAvailable() {
        return model.configured();
    }

    @Override
    public Optional<DailyAllowance> allowance(long userId) {
        Instant now = clock.instant();
        return quotas.quotaOf(userId).map(quota -> allowance(quota, quotas.counted(userId, DailyQuota.dayOf(now)), now));
    }

    private static DailyAllowance allowance(DailyQuota quota, int used, Instant now) {
        return new DailyAllowance(quota.value(), used, quota.nearlyUsedUp(used), DailyQuota.resetAfter(now));
    }

    // ---- managing

    @Override
    public boolean rename(long userId, long chatId, String title) {
        String cleaned = ChatTitle.clean(title);
        Optional<Chat> chat = chats.find(chatId).filter(c -> c.ownedBy(userId));
        if (chat.isEmpty() || cleaned == null) {
            return false;
        }
        chats.rename(chatId, cleaned);
        return true;
    }

    @Override
    public boolean delete(long userId, long chatId) {
        Optional<Chat> chat = chats.find(chatId).filter(c -> c.ownedBy(userId));
        chat.ifPresent(c -> chats.delete(c.id()));
        return chat.isPresent();
    }

    // ---- writing

    @Override
    public Outcome start(long userId, String modelId, String content, AnswerListener listener) {
        // the author and the new chat's limit in one read: every new chat waits for it before its message is stored
        Optional<ChatLimitPolicyPort.NewChatAuthor> author = limits.authorOfNewChat(userId);
        Optional<KnowledgeModel> pdf = knowledge.pickable(modelId);
        Optional<Refusal> refusal = checkWriter(author.map(ChatLimitPolicyPort.NewChatAuthor::user))
                .or(() -> checkContent(content)).or(() -> checkModel(modelId, pdf));
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        if (!ContextWindow.fits(windowOf(modelId, pdf), List.of(content))) {
            return new Refused(Refusal.CHAT_CLOSED);
        }
        int limit = author.get().limitForNewChat();
        String title = ChatTitle.fromFirstMessage(content);
        Instant now = clock.instant();
        Counted counted = count(userId, now);
        if (counted.refused()) {
            return new Refused(Refusal.DAILY_QUOTA_REACHED);
        }
        Optional<ChatRepository.StartedChat> created = storeCounted(counted,
                () -> chats.createWithFirstMessage(userId, title, modelId, limit, content, now));
        if (created.isEmpty()) {
            return new Refused(Refusal.LIMIT_REACHED); // a limit of zero
        }
        Chat chat = created.get().chat();
        // nobody knew the chat a moment ago, so the claim is free; taken before the chat's id is told
        Optional<AnswerClaim> claim = AnswerClaim.take(guard, clock, chat.id());
        if (claim.isEmpty()) {
            return new Refused(Refusal.ANSWER_IN_PROGRESS);
        }
        notify(() -> listener.chatCreated(chat.id(), chat.title()));
        return guarded(claim.get(), () -> answer(chat, List.of(created.get().first()), listener, counted.allowance(), pdf, claim.get()));
    }

    /** Runs {@code body} under {@code claim}; the claim is released at once unless an answer started (which releases it when it ends). */
    private static Outcome guarded(AnswerClaim claim, Supplier<Outcome> body) {
        Outcome outcome;
        try {
            outcome = body.get();
        } catch (RuntimeException | Error e) {
            claim.release();
            throw e;
        }
        if (!(outcome instanceof Started)) {
            claim.release();
        }
        return outcome;
    }

    @Override
    public Outcome send(long userId, long chatId, String content, String modelId, AnswerListener listener) {
        Optional<Chat> found = chats.find(chatId).filter(c -> c.ownedBy(userId));
        if (found.isEmpty()) {
            return new Refused(Refusal.NOT_FOUND);
        }
        Chat chat = found.get();
        String chosen = modelId == null || modelId.isBlank() ? chat.model() : modelId;
        Optional<KnowledgeModel> pdf = knowledge.pickable(chosen);
        Optional<Refusal> refusal = checkWriter(users.findById(userId)).or(() -> checkContent(content)).or(() -> checkModel(chosen, pdf))
                .or(() -> checkOpen(chat));
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        Optional<AnswerClaim> claim = AnswerClaim.take(guard, clock, chatId);
        if (claim.isEmpty()) {
            return new Refused(Refusal.ANSWER_IN_PROGRESS);
        }
        return guarded(claim.get(), () -> sendClaimed(userId, chat, chosen, pdf, content, listener, claim.get()));
    }

    private Outcome sendClaimed(long userId, Chat chat, String chosen, Optional<KnowledgeModel> pdf, String content, AnswerListener listener,
                                AnswerClaim claim) {
        long chatId = chat.id();
        List<Message> history = chats.messages(chatId);
        List<String> contents = new ArrayList<>(history.stream().map(Message::content).toList());
        contents.add(content);
        if (!ContextWindow.fits(windowOf(chosen, pdf), contents)) {
            chats.close(chatId, Chat.ClosedReason.CONTEXT_FULL);
            return new Refused(Refusal.CHAT_CLOSED);
        }
        if (!chosen.equals(chat.model())) {
            chats.changeModel(chatId, chosen);
        }
        Instant now = clock.instant();
        Counted counted = count(userId, now);
        if (counted.refused()) {
            return new Refused(Refusal.DAILY_QUOTA_REACHED);
        }
        Optional<Message> stored = storeCounted(counted, () -> chats.appendUserMessage(chatId, content, chosen, now));
        if (stored.isEmpty()) {
            return new Refused(chats.find(chatId).map(c -> c.closedReason() != null && c.closedReason() != Chat.ClosedReason.LIMIT
                            ? Refusal.CHAT_CLOSED : Refusal.LIMIT_REACHED)
                    .orElse(Refusal.NOT_FOUND));
        }
        List<Message> withQuestion = new ArrayList<>(history);
        withQuestion.add(stored.get());
        Chat sent = new Chat(chat.id(), chat.userId(), chat.title(), chosen, chat.createdAt(), stored.get().createdAt(),
                chat.messageLimit(), chat.used() + 1, chat.closedReason());
        return answer(sent, withQuestion, listener, counted.allowance(), pdf, claim);
    }

    @Override
    public Outcome regenerate(long userId, long chatId, AnswerListener listener) {
        Optional<Chat> found = chats.find(chatId).filter(c -> c.ownedBy(userId));
        if (found.isEmpty()) {
            return new Refused(Refusal.NOT_FOUND);
        }
        Chat chat = found.get();
        Optional<KnowledgeModel> pdf = knowledge.pickable(chat.model());
        Optional<Refusal> refusal = checkWriter(users.findById(userId)).or(() -> checkModel(chat.model(), pdf));
        if (chat.closedReason() != null && chat.closedReason() != Chat.ClosedReason.LIMIT) {
            refusal = refusal.or(() -> Optional.of(Refusal.CHAT_CLOSED));
        }
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        // the claim first: what the chat's last message is can change until no other answer runs
        Optional<AnswerClaim> claim = AnswerClaim.take(guard, clock, chatId);
        if (claim.isEmpty()) {
            return new Refused(Refusal.ANSWER_IN_PROGRESS);
        }
        return guarded(claim.get(), () -> regenerateClaimed(userId, chatId, listener, pdf, claim.get()));
    }

    /**
     * Another answer to the last message costs what a new message costs: one of the user's daily quota and one of the
     * chat's limit, counted before the model is asked, so Stop and regenerate repeated cannot ask the model for free.
     */
    private Outcome regenerateClaimed(long userId, long chatId, AnswerListener listener, Optional<KnowledgeModel> pdf, AnswerClaim claim) {
        List<Message> messages = chats.messages(chatId);
        if (messages.isEmpty()) {
            return new Refused(Refusal.NOTHING_TO_REGENERATE);
        }
        Message last = messages.get(messages.size() - 1);
        if (last.role() == Role.ASSISTANT && last.status() != MessageStatus.INTERRUPTED) {
            return new Refused(Refusal.NOTHING_TO_REGENERATE);
        }
        Optional<Chat> current = chats.find(chatId);
        if (current.isEmpty()) {
            return new Refused(Refusal.NOT_FOUND);
        }
        Optional<Refusal> closed = checkOpen(current.get());
        if (closed.isPresent()) {
            return new Refused(closed.get());
        }
        Instant now = clock.instant();
        Counted counted = count(userId, now);
        if (counted.refused()) {
            return new Refused(Refusal.DAILY_QUOTA_REACHED);
        }
        if (storeCounted(counted, () -> chats.countAnswerAgain(chatId, now) ? Optional.of(Boolean.TRUE) : Optional.<Boolean>empty()).isEmpty()) {
            return new Refused(Refusal.LIMIT_REACHED);
        }
        if (last.role() == Role.ASSISTANT) {
            chats.deleteLastMessage(chatId, last.rank());
            messages = messages.subList(0, messages.size() - 1);
        }
        Chat chat = current.get();
        Chat counting = new Chat(chat.id(), chat.userId(), chat.title(), chat.model(), chat.createdAt(), now, chat.messageLimit(),
                chat.used() + 1, chat.closedReason());
        return answer(counting, messages, listener, counted.allowance(), pdf, claim);
    }

    /**
     * Sends the whole chat, in rank order, to the model; {@code history} ends with the question to
     * answer. {@code pdf} is the chat's PDF model as looked up once for this message, empty for an
     * OpenAI model.
     */
    private Outcome answer(Chat chat, List<Message> history, AnswerListener listener, Optional<DailyAllowance> today,
                           Optional<KnowledgeModel> pdf, AnswerClaim claim) {
        List<ChatModelPort.Turn> turns = new ArrayList<>();
        String answeringModel = chat.model();
        List<Message.Source> sources = List.of();
        if (pdf.isPresent()) {
            String question = history.get(history.size() - 1).content();
            List<KnowledgeIndex.Hit> hits = knowledge.retrieve(pdf.get().id(), question);
            sources = hits.stream().map(h -> new Message.Source(pdf.get().id(), h.page(), h.text())).toList();
            List<SourceView> shown = sources.stream().map(s -> new SourceView(s.page(), s.text())).toList();
            notify(() -> listener.sources(shown));
            turns.add(new ChatModelPort.Turn(Role.SYSTEM, GroundedPrompt.system(pdf.get(), hits)));
            answeringModel = pdf.get().baseModel();
        }
        for (Message m : history) {
            turns.add(new ChatModelPort.Turn(m.role(), m.content()));
        }
        Answer answer = new Answer(chat, answeringModel, sources, listener, chats, clock, today, claim);
        ChatModelPort.Streaming streaming = model.stream(new ChatModelPort.Prompt(answeringModel, turns), answer);
        answer.attach(streaming);
        return new Started(answer::stop);
    }

    /**
     * Counts the message against the user's daily quota, if one applies, before it is stored: of two
     * messages racing for the last one, one gets through.
     */
    private Counted count(long userId, Instant now) {
        Optional<DailyQuota> quota = quotas.quotaOf(userId);
        if (quota.isEmpty()) {
            return new Counted(userId, null, Optional.empty(), false);
        }
        LocalDate day = DailyQuota.dayOf(now);
        if (!quotas.tryCount(userId, day, quota.get())) {
            return new Counted(userId, null, Optional.of(allowance(quota.get(), quota.get().value(), now)), true);
        }
        return new Counted(userId, day, Optional.of(allowance(quota.get(), quotas.counted(userId, day), now)), false);
    }

    /**
     * A message's place in the daily quota: {@code day} is the day it was counted on (null when nothing
     * was counted), {@code refused} whether the quota was already used up.
     */
    private record Counted(long userId, LocalDate day, Optional<DailyAllowance> allowance, boolean refused) {
    }

    /** Stores a counted message; one that could not be stored (limit, closed chat, failure) is taken out of the count. */
    private <T> Optional<T> storeCounted(Counted counted, Supplier<Optional<T>> store) {
        boolean stored = false;
        try {
            Optional<T> result = store.get();
            stored = result.isPresent();
            return result;
        } finally {
            if (!stored && counted.day() != null) {
                quotas.uncount(counted.userId(), counted.day());
            }
        }
    }

    /** The model whose context window counts: a knowledge model is answered by its base model. */
    private static String windowOf(String modelId, Optional<KnowledgeModel> pdf) {
        return pdf.map(KnowledgeModel::baseModel).orElse(modelId);
    }

    private Optional<Refusal> checkWriter(Optional<User> user) {
        if (user.isEmpty()) {
            return Optional.of(Refusal.NOT_FOUND);
        }
        if (user.get().blocked()) {
            return Optional.of(Refusal.BLOCKED);
        }
        if (!user.get().emailVerified()) {
            return Optional.of(Refusal.EMAIL_NOT_VERIFIED);
        }
        if (!model.configured()) {
            return Optional.of(Refusal.MODEL_NOT_CONFIGURED);
        }
        return Optional.empty();
    }

    private static Optional<Refusal> checkContent(String content) {
        if (content == null || content.isBlank() || content.length() > MAX_CONTENT) {
            return Optional.of(Refusal.INVALID_CONTENT);
        }
        return Optional.empty();
    }

    private Optional<Refusal> checkModel(String modelId, Optional<KnowledgeModel> pdf) {
        boolean offered = modelId != null && (openAiModels.contains(modelId) || pdf.isPresent());
        return offered ? Optional.empty() : Optional.of(Refusal.UNKNOWN_MODEL);
    }

    private static Optional<Refusal> checkOpen(Chat chat) {
        if (chat.closedReason() != null && chat.closedReason() != Chat.ClosedReason.LIMIT) {
            return Optional.of(Refusal.CHAT_CLOSED);
        }
        return chat.used() >= chat.messageLimit() ? Optional.of(Refusal.LIMIT_REACHED) : Optional.empty();
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException listenerGone) {
            // the browser left; the chat and its message are stored and the answer still completes
        }
    }
}
