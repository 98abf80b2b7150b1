package uz.suhbat.application.fake;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uz.suhbat.application.port.out.limit.LimitSettingsRepository;
import uz.suhbat.domain.limit.MessageLimit;

/** Limits in memory. Users and chats exist once a test adds them with {@link #addUser} and {@link #addChat}. */
public final class InMemoryLimitSettingsRepository implements LimitSettingsRepository {

    private volatile MessageLimit defaultLimit;
    private final Map<Long, Optional<MessageLimit>> userLimits = new ConcurrentHashMap<>();
    private final Map<Long, ChatLimitState> chats = new ConcurrentHashMap<>();

    public void addUser(long userId) {
        userLimits.put(userId, Optional.empty());
    }

    public void addChat(long chatId, ChatLimitState state) {
        chats.put(chatId, state);
    }

    public Optional<MessageLimit> userChatLimit(long userId) {
        return userLimits.getOrDefault(userId, Optional.empty());
    }

    @Override
    public Optional<MessageLimit> defaultChatLimit() {
        return Optional.ofNullable(defaultLimit);
    }

    @Override
    public void saveDefaultChatLimit(MessageLimit limit) {
        defaultLimit = limit;
    }

    @Override
    public boolean saveUserChatLimit(long userId, MessageLimit limit) {
        return userLimits.computeIfPresent(userId, (id, old) -> Optional.ofNullable(limit)) != null;
    }

    @Override
    public Optional<ChatLimitState> chatLimit(long chatId) {
        return Optional.ofNullable(chats.get(chatId));
    }

    @Override
    public void saveChatLimit(long chatId, MessageLimit limit, String closedReason) {
        chats.computeIfPresent(chatId, (id, old) -> new ChatLimitState(limit.value(), old.used(), closedReason));
    }
}
