package uz.suhbat.application.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.chat.Message;
import uz.suhbat.domain.chat.MessageStatus;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.limit.MessageLimit;

public final class InMemoryChatRepository implements ChatRepository {

    private final Map<Long, Chat> chats = new ConcurrentHashMap<>();
    private final Map<Long, List<Message>> messages = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized StartedChat createWithFirstMessage(long userId, String title, String model, MessageLimit limit, String content,
                                                           Instant now) {
        long id = ids.incrementAndGet();
        chats.put(id, new Chat(id, userId, title, model, now, now, limit, 0, null));
        messages.put(id, new ArrayList<>());
        Message first = appendUserMessage(id, content, model, now).orElseThrow();
        return new StartedChat(chats.get(id), first);
    }

    @Override
    public Optional<Chat> find(long chatId) {
        return Optional.ofNullable(chats.get(chatId));
    }

    @Override
    public List<Chat> findByUser(long userId) {
        return chats.values().stream().filter(c -> c.userId() == userId)
                .sorted(Comparator.comparing(Chat::updatedAt).thenComparing(Chat::id).reversed()).toList();
    }

    @Override
    public synchronized Optional<Message> appendUserMessage(long chatId, String content, String model, Instant now) {
        Chat chat = chats.get(chatId);
        if (chat == null || chat.readOnly()) {
            return Optional.empty();
        }
        chats.put(chatId, chat.withMessage(chat.model(), now));
        return Optional.of(add(chatId, new Message(nextRank(chatId), Role.USER, content, now, MessageStatus.COMPLETE, model, 0, 0, List.of())));
    }

    @Override
    public synchronized boolean countAnswerAgain(long chatId, Instant now) {
        Chat chat = chats.get(chatId);
        if (chat == null || chat.readOnly()) {
            return false;
        }
        chats.put(chatId, chat.withMessage(chat.model(), now));
        return true;
    }

    @Override
    public synchronized Message appendAssistantMessage(long chatId, String content, MessageStatus status, String model, int inputTokens,
                                                       int outputTokens, List<Message.Source> sources, Instant now) {
        Chat chat = chats.get(chatId);
        chats.put(chatId, new Chat(chat.id(), chat.userId(), chat.title(), chat.model(), chat.createdAt(), now, chat.limit(),
                chat.used(), chat.closedReason()));
        return add(chatId, new Message(nextRank(chatId), Role.ASSISTANT, content, now, status, model, inputTokens, outputTokens, sources));
    }

    @Override
    public synchronized boolean updateAssistantMessage(long chatId, int rank, String content, MessageStatus status, int inputTokens,
                                                       int outputTokens, Instant now) {
        List<Message> list = messages.get(chatId);
        if (list == null) {
            return false;
        }
        for (int i = 0; i < list.size(); i++) {
            Message m = list.get(i);
            if (m.rank() == rank && m.role() == Role.ASSISTANT) {
                list.set(i, new Message(rank, Role.ASSISTANT, content, now, status, m.model(), inputTokens, outputTokens, m.sources()));
                return true;
            }
        }
        return false;
    }

    private Message add(long chatId, Message message) {
        messages.get(chatId).add(message);
        return message;
    }

    private int nextRank(long chatId) {
        List<Message> list = messages.get(chatId);
        return list.isEmpty() ? 1 : list.get(list.size() - 1).rank() + 1;
    }

    @Override
    public synchronized List<Message> messages(long chatId) {
        return List.copyOf(messages.getOrDefault(chatId, List.of()));
    }

    @Override
    public synchronized void deleteLastMessage(long chatId, int rank) {
        List<Message> list = messages.get(chatId);
        if (list != null && !list.isEmpty() && list.get(list.size() - 1).rank() == rank) {
            list.remove(list.size() - 1);
        }
    }

    @Override
    public void rename(long chatId, String title) {
        chats.computeIfPresent(chatId, (id, c) -> new Chat(c.id(), c.userId(), title, c.model(), c.createdAt(), c.updatedAt(),
                c.limit(), c.used(), c.closedReason()));
    }

    @Override
    public void changeModel(long chatId, String model) {
        chats.computeIfPresent(chatId, (id, c) -> new Chat(c.id(), c.userId(), c.title(), model, c.createdAt(), c.updatedAt(),
                c.limit(), c.used(), c.closedReason()));
    }

    @Override
    public void close(long chatId, Chat.ClosedReason reason) {
        chats.computeIfPresent(chatId, (id, c) -> c.closed(reason));
    }

    @Override
    public void closeAllWithModel(String model, Chat.ClosedReason reason) {
        chats.values().stream().filter(c -> c.model().equals(model)).map(Chat::id).toList().forEach(id -> close(id, reason));
    }

    @Override
    public void delete(long chatId) {
        chats.remove(chatId);
        messages.remove(chatId);
    }

    /** Stands in for ON DELETE CASCADE when a user is deleted. */
    public void deleteAllOfUser(long userId) {
        chats.values().stream().filter(c -> c.userId() == userId).map(Chat::id).toList().forEach(this::delete);
    }
}
