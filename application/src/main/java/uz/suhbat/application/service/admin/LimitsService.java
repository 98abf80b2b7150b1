package uz.suhbat.application.service.admin;

import java.util.Objects;
import java.util.Optional;
import uz.suhbat.application.port.in.admin.LimitsUseCase;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.limit.LimitSettingsRepository;
import uz.suhbat.application.port.out.limit.LimitSettingsRepository.ChatLimitState;
import uz.suhbat.domain.audit.AuditAction;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.limit.DailyQuota;
import uz.suhbat.domain.limit.MessageLimit;
import uz.suhbat.domain.user.User;

/** Admins' limit changes, each one audited with the old and the new value. */
public final class LimitsService implements LimitsUseCase {

    private final LimitSettingsRepository settings;
    private final UserRepository users;
    private final MessageLimit configuredDefault;
    private final AuditTrail audit;

    /** {@code configuredDefault} is CHAT_MESSAGE_LIMIT, used until an admin sets a default. */
    public LimitsService(LimitSettingsRepository settings, UserRepository users, AuditTrail audit, MessageLimit configuredDefault) {
        this.settings = settings;
        this.users = users;
        this.configuredDefault = Objects.requireNonNull(configuredDefault, "configuredDefault");
        this.audit = audit;
    }

    @Override
    public MessageLimit defaultChatLimit() {
        return settings.defaultChatLimit().orElse(configuredDefault);
    }

    @Override
    public void changeDefaultChatLimit(long adminId, MessageLimit limit) {
        MessageLimit previous = defaultChatLimit();
        settings.saveDefaultChatLimit(limit);
        audit.record(adminId, AuditAction.DEFAULT_CHAT_LIMIT_CHANGED, "chatMessageLimit", previous.value() + " → " + limit.value());
    }

    @Override
    public boolean changeUserChatLimit(long adminId, long userId, Optional<MessageLimit> limit) {
        Optional<User> user = users.findById(userId);
        if (user.isEmpty() || !settings.saveUserChatLimit(userId, limit.orElse(null))) {
            return false;
        }
        audit.record(adminId, AuditAction.USER_CHAT_LIMIT_CHANGED, UserAdministrationService.describe(user.get()),
                limit.map(l -> String.valueOf(l.value())).orElse("—"));
        return true;
    }

    @Override
    public Optional<ChatLimitChange> changeChatLimit(long adminId, long chatId, MessageLimit limit) {
        Optional<ChatLimitState> found = settings.chatLimit(chatId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ChatLimitState state = found.get();
        // only the limit's own closing is undone or done here; a chat closed for another reason stays closed
        Chat.ClosedReason closedReason = Chat.closedReasonUnder(state.closedReason(), limit, state.used());
        settings.saveChatLimit(chatId, limit, closedReason);
        audit.record(adminId, AuditAction.CHAT_LIMIT_CHANGED, "#" + chatId, state.limit() + " → " + limit.value());
        return Optional.of(new ChatLimitChange(state.limit(), limit.value(), state.used(), closedReason != null));
    }

    @Override
    public Optional<DailyQuota> defaultDailyQuota() {
        return settings.defaultDailyQuota();
    }

    @Override
    public void changeDefaultDailyQuota(long adminId, Optional<DailyQuota> quota) {
        Optional<DailyQuota> previous = settings.defaultDailyQuota();
        settings.saveDefaultDailyQuota(quota.orElse(null));
        audit.record(adminId, AuditAction.DEFAULT_DAILY_QUOTA_CHANGED, "dailyQuota", describe(previous) + " → " + describe(quota));
    }

    @Override
    public boolean changeUserDailyQuota(long adminId, long userId, Optional<DailyQuota> quota) {
        Optional<User> user = users.findById(userId);
        if (user.isEmpty() || !settings.saveUserDailyQuota(userId, quota.orElse(null))) {
            return false;
        }
        audit.record(adminId, AuditAction.USER_DAILY_QUOTA_CHANGED, UserAdministrationService.describe(user.get()), describe(quota));
        return true;
    }

    private static String describe(Optional<DailyQuota> quota) {
        return quota.map(q -> String.valueOf(q.value())).orElse("—");
    }

}
