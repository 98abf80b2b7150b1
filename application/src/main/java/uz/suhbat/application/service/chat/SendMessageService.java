package uz.suhbat.application.service.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerListener;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Refusal;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome.Refused;
import uz.suhbat.application.port.in.chat.EditMessageUseCase;
import uz.suhbat.application.port.in.chat.SendMessageUseCase;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.limit.DailyQuotaPort;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.chat.ContextWindow;
import uz.suhbat.domain.chat.Message;
import uz.suhbat.domain.chat.MessageTree;

/**
 * A message to an existing chat. It is stored before the model is called, so no failure of the
 * model loses it; the chat's active branch is sent to the model every turn, and a chat that outgrows the
 * model's context window is closed rather than cut. An edited question is sent the same way, as a new version of
 * the question it edits: the conversation goes on from it, and the model sees the branch up to it.
 */
public final class SendMessageService implements SendMessageUseCase, EditMessageUseCase {

    private final ChatRepository chats;
    private final UserRepository users;
    private final ChatModelPort model;
    private final ModelCatalog catalog;
    private final AnswerStarter answers;
    private final DailyCount daily;
    private final Clock clock;

    public SendMessageService(ChatRepository chats, UserRepository users, ChatModelPort model, ModelCatalog catalog,
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
    public Outcome send(long userId, long chatId, String content, String modelId, AnswerListener listener) {
        return send(userId, chatId, content, modelId, List.of(), listener);
    }

    @Override
    public Outcome send(long userId, long chatId, String content, String modelId, List<Long> attachments, AnswerListener listener) {
        List<Long> ids = attachments == null ? List.of() : List.copyOf(attachments);
        Files files = new Files() {
            @Override
            public Optional<Refusal> check(String pickerId) {
                return answers.attachments().check(userId, ids, pickerId);
            }

            @Override
            public void bind(int rank) {
                if (!ids.isEmpty()) {
                    answers.attachments().bind(userId, ids, chatId, rank);
                }
            }
        };
        return ask(userId, chatId, content, modelId, files, listener, () -> {
            List<Message> history = chats.messages(chatId);
            return Optional.of(new Place(history, history.isEmpty() ? 0 : history.get(history.size() - 1).rank()));
        });
    }

    @Override
    public Outcome edit(long userId, long chatId, int rank, String content, String modelId, AnswerListener listener) {
        return edit(userId, chatId, rank, content, modelId, null, listener);
    }

    @Override
    public Outcome edit(long userId, long chatId, int rank, String content, String modelId, List<Long> attachments,
                        AnswerListener listener) {
        List<Long> ids = attachments == null ? null : List.copyOf(attachments);
        // the edited version keeps the question's files unless the edit names which to keep (and may add new uploads)
        Files files = new Files() {
            @Override
            public Optional<Refusal> check(String pickerId) {
                return answers.attachments().checkEdit(userId, chatId, rank, ids, pickerId);
            }

            @Override
            public void bind(int stored) {
                answers.attachments().bindEdit(userId, chatId, rank, ids, stored);
            }
        };
        return ask(userId, chatId, content, modelId, files, listener, () -> {
            MessageTree tree = MessageTree.of(chats.tree(chatId));
            if (!tree.editable(rank)) {
                return Optional.empty();
            }
            int parent = tree.parentOf(rank).orElseThrow();
            return Optional.of(new Place(parent == 0 ? List.of() : tree.branchUpTo(parent), parent));
        });
    }

    /** The files a question goes with: checked with the other refusals, bound once the question is stored as {@code rank}. */
    private interface Files {
        Optional<Refusal> check(String pickerId);

        void bind(int rank);
    }

    /** Where a question goes: after {@code parentRank}, the last of {@code history} (the branch it continues). */
    private record Place(List<Message> history, int parentRank) {
    }

    private Outcome ask(long userId, long chatId, String content, String modelId, Files files, AnswerListener listener,
                        java.util.function.Supplier<Optional<Place>> place) {
        Optional<Chat> found = chats.find(chatId).filter(c -> c.ownedBy(userId));
        if (found.isEmpty()) {
            return new Refused(Refusal.NOT_FOUND);
        }
        Chat chat = found.get();
        String chosen = modelId == null || modelId.isBlank() ? chat.model() : modelId;
        Optional<ModelCatalog.ModelChoice> choice = catalog.choose(chosen);
        Optional<Refusal> refusal = Refusals.writer(users.findById(userId), model).or(() -> Refusals.content(content))
                .or(() -> Refusals.model(choice, catalog, chosen)).or(() -> Refusals.taking(chat))
                .or(() -> files.check(chosen));
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        // where the question goes is read holding the claim: the branch does not change until the answer is stored
        return answers.oneAtATime(chatId, claim -> place.get()
                .map(p -> sendClaimed(userId, chat, chosen, choice.get(), content, files, p, listener, claim))
                .orElseGet(() -> new Refused(Refusal.NOT_EDITABLE)));
    }

    private Outcome sendClaimed(long userId, Chat chat, String chosen, ModelCatalog.ModelChoice choice, String content,
                                Files files, Place place, AnswerListener listener, AnswerClaim claim) {
        long chatId = chat.id();
        List<Message> history = place.history();
        List<String> contents = new ArrayList<>(history.stream().map(Message::content).toList());
        contents.add(content);
        if (!ContextWindow.fits(choice.windowTokens(), contents)) {
            chats.close(chatId, Chat.ClosedReason.CONTEXT_FULL);
            return new Refused(Refusal.CHAT_CLOSED);
        }
        if (!chosen.equals(chat.model())) {
            chats.changeModel(chatId, chosen);
        }
        Instant now = clock.instant();
        DailyCount.Counted counted = daily.count(userId, now);
        if (counted.refused()) {
            return new Refused(Refusal.DAILY_QUOTA_REACHED);
        }
        Optional<Message> stored = daily.storeCounted(counted, () -> chats.appendUserMessage(chatId, place.parentRank(), content, chosen, now));
        if (stored.isEmpty()) {
            // another message took the last place, or the chat was closed meanwhile
            return new Refused(chats.find(chatId).map(c -> c.closedForGood() ? Refusal.CHAT_CLOSED : Refusal.LIMIT_REACHED)
                    .orElse(Refusal.NOT_FOUND));
        }
        files.bind(stored.get().rank());
        List<Message> withQuestion = new ArrayList<>(history);
        withQuestion.add(stored.get());
        return answers.answer(chat.withMessage(chosen, stored.get().createdAt()), withQuestion, listener, counted.allowance(),
                choice, claim);
    }
}
