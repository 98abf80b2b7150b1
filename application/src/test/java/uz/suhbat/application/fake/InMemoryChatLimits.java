package uz.suhbat.application.fake;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import uz.suhbat.application.port.out.chat.ChatLimitPort;

public final class InMemoryChatLimits implements ChatLimitPort {

    private final Map<Long, Integer> perUser = new ConcurrentHashMap<>();
    private volatile Integer defaultLimit;

    public InMemoryChatLimits defaultLimit(int limit) {
        defaultLimit = limit;
        return this;
    }

    public InMemoryChatLimits userLimit(long userId, int limit) {
        perUser.put(userId, limit);
        return this;
    }

    @Override
    public OptionalInt configuredLimit(long userId) {
        Integer limit = perUser.getOrDefault(userId, defaultLimit);
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }
}
