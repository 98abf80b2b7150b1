package uz.suhbat.application.fake;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.chat.ChatLimitPolicyPort;
import uz.suhbat.domain.limit.MessageLimit;

/** Limits for new chats: a user's own, else the admin's default, else the configured one. */
public final class InMemoryChatLimits implements ChatLimitPolicyPort {

    private final Map<Long, Integer> perUser = new ConcurrentHashMap<>();
    private final int configured;
    private final UserRepository users;
    private volatile Integer adminDefault;

    /** {@code users}: where the authors of new chats are looked up. */
    public InMemoryChatLimits(int configured, UserRepository users) {
        this.configured = configured;
        this.users = users;
    }

    public InMemoryChatLimits defaultLimit(int limit) {
        adminDefault = limit;
        return this;
    }

    public InMemoryChatLimits userLimit(long userId, int limit) {
        perUser.put(userId, limit);
        return this;
    }

    private int limitForNewChat(long userId) {
        Integer own = perUser.get(userId);
        if (own != null) {
            return own;
        }
        return adminDefault != null ? adminDefault : configured;
    }

    @Override
    public Optional<NewChatAuthor> authorOfNewChat(long userId) {
        return users.findById(userId).map(user -> new NewChatAuthor(user, new MessageLimit(limitForNewChat(userId))));
    }
}
