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
import uz.suhbat.domain.chat.MessageNode;
import uz.suhbat.domain.chat.MessageTree;
import uz.suhbat.domain.chat.MessageStatus;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.limit.MessageLimit;

public final class InMemoryChatRepository implements ChatRepository {

    private final Map<Long, Chat> chats = new ConcurrentHashMap<>();
    private final Map<Long, List<MessageNode>> messages = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized StartedChat createWithFirstMessage(long userId, String title, String model, MessageLimit limit, String content,
                                                           Instant now) {
        long id = ids.incrementAndGet();
        chats.put(id, new Chat(id, userId, title, model, now, now, limit, 0, null));
        messages.put(id, new ArrayList<>());
        Message first = appendUserMessage(id, 0, content, model, now).orElseThrow();
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
    public synchronized Optional<Message> appendUserMessage(long chatId, int parentRank, String content, String model, Instant now) {
        Chat chat = chats.get(chatId);
        if (chat == null || chat.readOnly()) {
            return Optional.empty();
        }
        chats.put(chatId, chat.withMessage(chat.model(), now));
        return Optional.of(add(chatId, parentRank, new Message(nextRank(chatId), Role.USER, content, now, MessageStatus.COMPLETE, model, 0, 0,
                List.of())));
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
    public synchronized Message appendAssistantMessage(long chatId, int parentRank, String content, MessageStatus status, String model,
                                                       int inputTokens, int outputTokens, List<Message.Source> sources, Instant now) {
        Chat chat = chats.get(chatId);
        chats.put(chatId, new Chat(chat.id(), chat.userId(), chat.title(), chat.model(), chat.createdAt(), now, chat.limit(),
                chat.used(), chat.closedReason()));
        return add(chatId, parentRank, new Message(nextRank(chatId), Role.ASSISTANT, content, now, status, model, inputTokens, outputTokens,
                sources));
    }

    @Override
    public synchronized boolean updateAssistantMessage(long chatId, int rank, String content, MessageStatus status, int inputTokens,
                                                       int outputTokens, Instant now) {
        List<MessageNode> nodes = messages.get(chatId);
        if (nodes == null) {
            return false;
        }
        for (int i = 0; i < nodes.size(); i++) {
            MessageNode n = nodes.get(i);
            Message m = n.message();
            if (m.rank() == rank && m.role() == Role.ASSISTANT) {
                nodes.set(i, new MessageNode(new Message(rank, Role.ASSISTANT, content, now, status, m.model(), inputTokens, outputTokens,
                        m.sources()), n.parentRank(), n.chosen()));
                return true;
            }
        }
        return false;
    }

    /** The new message is the chosen version among those following {@code parentRank}. */
    private Message add(long chatId, int parentRank, Message message) {
        List<MessageNode> nodes = messages.get(chatId);
        nodes.replaceAll(n -> n.parentRank() == parentRank ? new MessageNode(n.message(), n.parentRank(), false) : n);
        nodes.add(new MessageNode(message, parentRank, true));
        return message;
    }

    private int nextRank(long chatId) {
        List<MessageNode> list = messages.get(chatId);
        return list.isEmpty() ? 1 : list.get(list.size() - 1).rank() + 1;
    }

    @Override
    public synchronized List<Message> messages(long chatId) {
        return MessageTree.of(tree(chatId)).activeBranch();
    }

    @Override
    public synchronized List<MessageNode> tree(long chatId) {
        return List.copyOf(messages.getOrDefault(chatId, List.of()));
    }

    @Override
    public synchronized boolean choose(long chatId, int rank) {
        List<MessageNode> nodes = messages.get(chatId);
        Optional<Integer> parent = nodes == null ? Optional.empty() : MessageTree.of(nodes).parentOf(rank);
        if (parent.isEmpty()) {
            return false;
        }
        nodes.replaceAll(n -> n.parentRank() == parent.get() ? new MessageNode(n.message(), n.parentRank(), n.rank() == rank) : n);
        return true;
    }

    @Override
    public synchronized boolean removeUnanswered(long chatId, int rank) {
        List<MessageNode> nodes = messages.get(chatId);
        if (nodes == null || !MessageTree.of(nodes).removable(rank)) {
            return false;
        }
        List<Integer> others = MessageTree.of(nodes).versionsOf(rank).stream().filter(r -> r != rank).toList();
        nodes.removeIf(n -> n.rank() == rank);
        if (!others.isEmpty()) {
            choose(chatId, others.get(others.size() - 1));
        }
        return true;
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
