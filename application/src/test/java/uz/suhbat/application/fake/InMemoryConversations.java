package uz.suhbat.application.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.conversation.ChatSearchRepository;
import uz.suhbat.application.port.out.conversation.ChatShareRepository;
import uz.suhbat.application.port.out.conversation.ChatShelfRepository;
import uz.suhbat.application.port.out.conversation.FeedbackRepository;
import uz.suhbat.application.port.out.conversation.SharingSettingRepository;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.chat.Message;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.chat.SearchTerm;

/** The conversation controls' out-ports in memory, over the chats of a {@link ChatRepository} (deleting a chat deletes what hangs on it). */
public final class InMemoryConversations implements ChatShelfRepository, ChatSearchRepository, ChatShareRepository, FeedbackRepository,
        SharingSettingRepository {

    private final ChatRepository chats;
    private final Map<Long, Shelf> shelves = new HashMap<>();
    private final Map<Long, StoredShare> shares = new HashMap<>();
    private final Map<Long, Map<Integer, Feedback>> feedback = new HashMap<>();
    private boolean sharingEnabled = true;

    private record StoredShare(Share share, SharedChat chat) {
    }

    public InMemoryConversations(ChatRepository chats) {
        this.chats = chats;
    }

    private Shelf shelf(long chatId) {
        return shelves.getOrDefault(chatId, new Shelf(null, null, TitleSource.WORDS));
    }

    // ChatShelfRepository

    @Override
    public synchronized Map<Long, Shelf> shelves(long userId) {
        Map<Long, Shelf> mine = new HashMap<>();
        chats.findByUser(userId).forEach(c -> mine.put(c.id(), shelf(c.id())));
        return mine;
    }

    @Override
    public synchronized void pin(long chatId, Instant at) {
        Shelf s = shelf(chatId);
        shelves.put(chatId, new Shelf(at, s.archivedAt(), s.titleSource()));
    }

    @Override
    public synchronized void archive(long chatId, Instant at) {
        Shelf s = shelf(chatId);
        shelves.put(chatId, new Shelf(s.pinnedAt(), at, s.titleSource()));
    }

    @Override
    public synchronized void renameByUser(long chatId, String title) {
        chats.rename(chatId, title);
        Shelf s = shelf(chatId);
        shelves.put(chatId, new Shelf(s.pinnedAt(), s.archivedAt(), TitleSource.USER));
    }

    private boolean moveTitle(long chatId, TitleSource from, TitleSource to) {
        Shelf s = shelf(chatId);
        if (chats.find(chatId).isEmpty() || s.titleSource() != from) {
            return false;
        }
        shelves.put(chatId, new Shelf(s.pinnedAt(), s.archivedAt(), to));
        return true;
    }

    @Override
    public synchronized boolean startModelTitle(long chatId) {
        return moveTitle(chatId, TitleSource.WORDS, TitleSource.PENDING);
    }

    @Override
    public synchronized boolean finishModelTitle(long chatId, String title) {
        if (!moveTitle(chatId, TitleSource.PENDING, TitleSource.MODEL)) {
            return false;
        }
        chats.rename(chatId, title);
        return true;
    }

    @Override
    public synchronized void abandonModelTitle(long chatId) {
        moveTitle(chatId, TitleSource.PENDING, TitleSource.WORDS);
    }

    // ChatSearchRepository

    @Override
    public synchronized List<Found> search(long userId, String normalTerm, int limit, int perChat) {
        List<Found> found = new ArrayList<>();
        for (Chat chat : chats.findByUser(userId)) {
            boolean title = SearchTerm.normalise(chat.title()).contains(normalTerm);
            List<FoundMessage> messages = chats.messages(chat.id()).stream()
                    .filter(m -> SearchTerm.normalise(m.content()).contains(normalTerm)).limit(perChat)
                    .map(m -> new FoundMessage(m.rank(), m.role().wireName(), m.content())).toList();
            if (title || !messages.isEmpty()) {
                found.add(new Found(chat.id(), chat.title(), chat.updatedAt(), title, messages));
            }
        }
        return found.stream().limit(limit).toList();
    }

    // ChatShareRepository

    @Override
    public synchronized Share create(long chatId, String token, String title, String model, List<SharedMessage> messages, Instant now) {
        Share share = new Share(chatId, token, now);
        shares.put(chatId, new StoredShare(share, new SharedChat(title, model, now, messages)));
        return share;
    }

    @Override
    public synchronized Optional<Share> linkOf(long chatId) {
        return chats.find(chatId).isEmpty() ? Optional.empty() : Optional.ofNullable(shares.get(chatId)).map(StoredShare::share);
    }

    @Override
    public synchronized Optional<SharedChat> byToken(String token) {
        return shares.values().stream().filter(s -> s.share().token().equals(token))
                .filter(s -> chats.find(s.share().chatId()).isPresent()).map(StoredShare::chat).findFirst();
    }

    @Override
    public synchronized boolean revoke(long chatId) {
        return shares.remove(chatId) != null;
    }

    // FeedbackRepository

    @Override
    public synchronized boolean rate(long chatId, int rank, int rating, String comment, Instant now) {
        Optional<Message> answer = chats.messages(chatId).stream().filter(m -> m.rank() == rank && m.role() == Role.ASSISTANT).findFirst();
        if (answer.isEmpty()) {
            return false;
        }
        String model = answer.get().model() != null ? answer.get().model() : chats.find(chatId).orElseThrow().model();
        feedback.computeIfAbsent(chatId, id -> new LinkedHashMap<>()).put(rank, new Feedback(rank, rating, comment, model, now));
        return true;
    }

    @Override
    public synchronized void clear(long chatId, int rank) {
        feedback.getOrDefault(chatId, new HashMap<>()).remove(rank);
    }

    @Override
    public synchronized List<Feedback> ofChat(long chatId) {
        if (chats.find(chatId).isEmpty()) {
            return List.of();
        }
        return feedback.getOrDefault(chatId, Map.of()).values().stream().sorted(Comparator.comparingInt(Feedback::rank)).toList();
    }

    @Override
    public synchronized List<ModelRate> perModel() {
        Map<String, long[]> counts = new HashMap<>();
        feedback.forEach((chatId, given) -> {
            if (chats.find(chatId).isPresent()) {
                given.values().forEach(f -> counts.computeIfAbsent(f.model(), m -> new long[2])[f.rating() > 0 ? 0 : 1]++);
            }
        });
        return counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -(e.getValue()[0] + e.getValue()[1]))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new ModelRate(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    // SharingSettingRepository

    @Override
    public synchronized boolean sharingEnabled() {
        return sharingEnabled;
    }

    @Override
    public synchronized void setSharingEnabled(boolean enabled) {
        sharingEnabled = enabled;
    }
}
