package uz.suhbat.application.fake;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uz.suhbat.application.port.out.limit.DailyQuotaPort;
import uz.suhbat.application.port.out.limit.LimitSettingsRepository;
import uz.suhbat.domain.limit.DailyQuota;
import uz.suhbat.domain.limit.MessageLimit;

/**
 * Limits and daily quotas in memory. Users and chats exist once a test adds them with {@link #addUser}
 * and {@link #addChat}.
 */
public final class InMemoryLimitSettingsRepository implements LimitSettingsRepository, DailyQuotaPort {

    private volatile MessageLimit defaultLimit;
    private volatile DailyQuota defaultQuota;
    private final Map<Long, Optional<DailyQuota>> userQuotas = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final Map<Long, Optional<MessageLimit>> userLimits = new ConcurrentHashMap<>();
    private final Map<Long, ChatLimitState> chats = new ConcurrentHashMap<>();

    public void addUser(long userId) {
        userLimits.put(userId, Optional.empty());
        userQuotas.put(userId, Optional.empty());
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
    public Optional<DailyQuota> defaultDailyQuota() {
        return Optional.ofNullable(defaultQuota);
    }

    @Override
    public void saveDefaultDailyQuota(DailyQuota quota) {
        defaultQuota = quota;
    }

    @Override
    public boolean saveUserDailyQuota(long userId, DailyQuota quota) {
        return userQuotas.computeIfPresent(userId, (id, old) -> Optional.ofNullable(quota)) != null;
    }

    @Override
    public Optional<DailyQuota> quotaOf(long userId) {
        Optional<DailyQuota> own = userQuotas.get(userId);
        if (own == null) {
            return Optional.empty();
        }
        return own.or(() -> Optional.ofNullable(defaultQuota));
    }

    @Override
    public boolean tryCount(long userId, LocalDate day, DailyQuota quota) {
        boolean[] counted = {false};
        counts.compute(userId + "@" + day, (key, n) -> {
            int now = n == null ? 0 : n;
            counted[0] = now < quota.value();
            return counted[0] ? now + 1 : now;
        });
        return counted[0];
    }

    @Override
    public void uncount(long userId, LocalDate day) {
        counts.computeIfPresent(userId + "@" + day, (key, n) -> Math.max(0, n - 1));
    }

    @Override
    public int counted(long userId, LocalDate day) {
        return counts.getOrDefault(userId + "@" + day, 0);
    }

    @Override
    public Optional<ChatLimitState> chatLimit(long chatId) {
        return Optional.ofNullable(chats.get(chatId));
    }

    @Override
    public void saveChatLimit(long chatId, MessageLimit limit, uz.suhbat.domain.chat.Chat.ClosedReason closedReason) {
        chats.computeIfPresent(chatId, (id, old) -> new ChatLimitState(limit.value(), old.used(), closedReason));
    }
}
