package uz.suhbat.application.port.out.limit;

import java.util.Optional;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.limit.DailyQuota;
import uz.suhbat.domain.limit.MessageLimit;

/** Where admins' limit choices are kept: the default for new chats, per-user overrides, one chat's limit. */
public interface LimitSettingsRepository {

    /** Empty until an admin sets it. */
    Optional<MessageLimit> defaultChatLimit();

    void saveDefaultChatLimit(MessageLimit limit);

    /** {@code limit} null removes the override. False when there is no such user. */
    boolean saveUserChatLimit(long userId, MessageLimit limit);

    Optional<ChatLimitState> chatLimit(long chatId);

    /** Writes both at once, so a chat is never seen with the new limit and the old open/closed state. */
    void saveChatLimit(long chatId, MessageLimit limit, Chat.ClosedReason closedReason);

    /** The daily message quota of every user without their own; empty (the default) when off. */
    Optional<DailyQuota> defaultDailyQuota();

    /** {@code quota} null turns the default quota off. */
    void saveDefaultDailyQuota(DailyQuota quota);

    /** {@code quota} null removes the user's own quota, so the default applies. False when there is no such user. */
    boolean saveUserDailyQuota(long userId, DailyQuota quota);

    /** {@code closedReason}: null while the chat is open. */
    record ChatLimitState(int limit, int used, Chat.ClosedReason closedReason) {
    }
}
