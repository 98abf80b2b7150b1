package uz.suhbat.application.service.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uz.suhbat.application.port.in.chat.ChatQuery;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.conversation.ChatShelfRepository;
import uz.suhbat.application.port.out.conversation.ChatShelfRepository.Shelf;
import uz.suhbat.application.port.out.conversation.ChatShelfRepository.TitleSource;
import uz.suhbat.application.port.out.limit.DailyQuotaPort;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.chat.MessageTree;

/** What a user reads: their chats, one chat in full, the models they may pick and what is left of today's quota. */
public final class ChatQueryService implements ChatQuery {

    private final ChatRepository chats;
    private final ModelCatalog catalog;
    private final ChatModelPort model;
    private final DailyCount daily;
    private final ChatShelfRepository shelf;
    private static final Shelf UNSHELVED = new Shelf(null, null, TitleSource.WORDS);

    public ChatQueryService(ChatRepository chats, ModelCatalog catalog, ChatModelPort model, DailyQuotaPort quotas, Clock clock,
                            ChatShelfRepository shelf) {
        this.chats = chats;
        this.shelf = shelf;
        this.catalog = catalog;
        this.model = model;
        this.daily = new DailyCount(quotas, clock);
    }

    @Override
    public List<ChatSummary> chats(long userId) {
        Map<Long, Shelf> shelves = shelf.shelves(userId);
        List<Chat> mine = chats.findByUser(userId);
        List<ChatSummary> listed = new ArrayList<>(mine.size());
        // pinned first, most recently pinned first; the rest keep the repository's order (most recently updated first)
        mine.stream().filter(c -> shelfOf(shelves, c).pinned() && !shelfOf(shelves, c).archived())
                .sorted(Comparator.comparing((Chat c) -> shelfOf(shelves, c).pinnedAt()).reversed())
                .forEach(c -> listed.add(summary(c, shelfOf(shelves, c))));
        mine.stream().filter(c -> !shelfOf(shelves, c).pinned() && !shelfOf(shelves, c).archived())
                .forEach(c -> listed.add(summary(c, shelfOf(shelves, c))));
        return listed;
    }

    private static Shelf shelfOf(Map<Long, Shelf> shelves, Chat chat) {
        return shelves.getOrDefault(chat.id(), UNSHELVED);
    }

    static ChatSummary summary(Chat c, Shelf shelf) {
        return new ChatSummary(c.id(), c.title(), c.model(), c.createdAt(), c.updatedAt(), c.used(), c.limit().value(),
                c.readOnly(), shelf.pinned(), shelf.titleSource() == TitleSource.PENDING);
    }

    @Override
    public Optional<ChatView> chat(long userId, long chatId) {
        return chats.find(chatId).filter(c -> c.ownedBy(userId)).map(this::view);
    }

    private ChatView view(Chat c) {
        MessageTree tree = MessageTree.of(chats.tree(c.id()));
        List<MessageView> messages = tree.activeBranch().stream()
                .map(m -> new MessageView(m.rank(), m.role().wireName(), m.content(), m.createdAt(), m.status().wireName(),
                        m.sources().stream().map(SourceView::of).toList(), tree.versionsOf(m.rank())))
                .toList();
        return new ChatView(c.id(), c.title(), c.model(), c.used(), c.limit().value(), c.readOnly(),
                c.whyNoMessage().map(Chat.ClosedReason::wireName).orElse(null), c.createdAt(), messages);
    }

    @Override
    public List<ModelOption> models() {
        return catalog.options();
    }

    @Override
    public boolean answeringAvailable() {
        return model.configured();
    }

    @Override
    public Optional<DailyAllowance> allowance(long userId) {
        return daily.allowance(userId);
    }
}
