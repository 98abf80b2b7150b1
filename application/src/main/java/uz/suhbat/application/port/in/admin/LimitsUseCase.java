package uz.suhbat.application.port.in.admin;

import java.util.Optional;
import uz.suhbat.domain.limit.DailyQuota;
import uz.suhbat.domain.limit.MessageLimit;

/**
 * Message limits: the default for new chats, a per-user override, and one chat's own limit.
 * {@code adminId} is the signed-in admin; every change is written to the audit log.
 */
public interface LimitsUseCase {

    /** What new chats get unless their user has an override: the stored setting, else the configured default. */
    MessageLimit defaultChatLimit();

    void changeDefaultChatLimit(long adminId, MessageLimit limit);

    /** {@code limit} empty removes the override. False when there is no such user. */
    boolean changeUserChatLimit(long adminId, long userId, Optional<MessageLimit> limit);

    /**
     * Sets one chat's limit. A chat closed by its limit opens again when the new limit is above what it
     * used; lowering the limit to what it used or less closes it. Empty when there is no such chat.
     */
    Optional<ChatLimitChange> changeChatLimit(long adminId, long chatId, MessageLimit limit);

    /** The daily message quota of users without their own; empty when off, as it is until an admin sets one. */
    Optional<DailyQuota> defaultDailyQuota();

    /** {@code quota} empty turns the default quota off. */
    void changeDefaultDailyQuota(long adminId, Optional<DailyQuota> quota);

    /** {@code quota} empty removes the user's own quota. False when there is no such user. */
    boolean changeUserDailyQuota(long adminId, long userId, Optional<DailyQuota> quota);

    record ChatLimitChange(int previousLimit, int newLimit, int used, boolean readOnly) {
    }
}
