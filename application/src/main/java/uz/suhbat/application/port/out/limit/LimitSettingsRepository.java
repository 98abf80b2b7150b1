package uz.suhbat.application.port.out.limit;

import java.util.Optional;
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
    void saveChatLimit(long chatId, MessageLimit limit, String closedReason);

    /** {@code closedReason}: null (open), "limit", "context_full" or "model_deleted". */
    record ChatLimitState(int limit, int used, String closedReason) {
    }
}
