package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT;
import static uz.suhbat.adapter.out.persistence.schema.Tables.SETTING;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;

import java.util.Optional;
import org.jooq.DSLContext;
import uz.suhbat.application.port.out.limit.LimitSettingsRepository;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.limit.DailyQuota;
import uz.suhbat.domain.limit.MessageLimit;
import uz.suhbat.domain.shared.InvalidValueException;

/** The default in table {@code setting}, overrides in {@code user.message_limit}, a chat's own in {@code chat.message_limit}. */
final class JooqLimitSettingsRepository implements LimitSettingsRepository {

    static final String DEFAULT_CHAT_LIMIT = "chat_message_limit";
    static final String DEFAULT_DAILY_QUOTA = "daily_message_quota";

    private final DSLContext db;

    JooqLimitSettingsRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<MessageLimit> defaultChatLimit() {
        return setting(DEFAULT_CHAT_LIMIT).flatMap(JooqLimitSettingsRepository::parse);
    }

    @Override
    public void saveDefaultChatLimit(MessageLimit limit) {
        saveSetting(DEFAULT_CHAT_LIMIT, String.valueOf(limit.value()));
    }

    @Override
    public Optional<DailyQuota> defaultDailyQuota() {
        return setting(DEFAULT_DAILY_QUOTA).flatMap(JooqLimitSettingsRepository::quota);
    }

    @Override
    public void saveDefaultDailyQuota(DailyQuota quota) {
        if (quota == null) {
            db.deleteFrom(SETTING).where(SETTING.NAME.eq(DEFAULT_DAILY_QUOTA)).execute();
        } else {
            saveSetting(DEFAULT_DAILY_QUOTA, String.valueOf(quota.value()));
        }
    }

    @Override
    public boolean saveUserDailyQuota(long userId, DailyQuota quota) {
        return db.update(USER).set(USER.DAILY_QUOTA, quota == null ? null : quota.value()).where(USER.ID.eq(userId)).execute() > 0;
    }

    private Optional<String> setting(String name) {
        return db.select(SETTING.VALUE).from(SETTING).where(SETTING.NAME.eq(name)).fetchOptional(SETTING.VALUE);
    }

    private void saveSetting(String name, String value) {
        // update-then-insert rather than ON DUPLICATE KEY UPDATE, whose MySQL 8 form MariaDB does not parse
        int updated = db.update(SETTING).set(SETTING.VALUE, value).where(SETTING.NAME.eq(name)).execute();
        if (updated == 0) {
            db.insertInto(SETTING).set(SETTING.NAME, name).set(SETTING.VALUE, value).onDuplicateKeyIgnore().execute();
        }
    }

    @Override
    public boolean saveUserChatLimit(long userId, MessageLimit limit) {
        return db.update(USER).set(USER.MESSAGE_LIMIT, limit == null ? null : limit.value()).where(USER.ID.eq(userId)).execute() > 0;
    }

    @Override
    public Optional<ChatLimitState> chatLimit(long chatId) {
        return db.select(CHAT.MESSAGE_LIMIT, CHAT.USED, CHAT.CLOSED_REASON).from(CHAT).where(CHAT.ID.eq(chatId))
                .fetchOptional(r -> new ChatLimitState(r.value1(), r.value2(), r.value3() == null ? null : Chat.ClosedReason.fromWireName(r.value3())));
    }

    @Override
    public void saveChatLimit(long chatId, MessageLimit limit, Chat.ClosedReason closedReason) {
        db.update(CHAT).set(CHAT.MESSAGE_LIMIT, limit.value()).set(CHAT.CLOSED_REASON, closedReason == null ? null : closedReason.wireName())
                .where(CHAT.ID.eq(chatId)).execute();
    }

    /** A value edited by hand into something unusable counts as unset: no quota. */
    static Optional<DailyQuota> quota(String value) {
        try {
            return Optional.of(DailyQuota.parse(value));
        } catch (InvalidValueException unusable) {
            return Optional.empty();
        }
    }

    /** A value edited by hand into something unusable counts as unset, so CHAT_MESSAGE_LIMIT applies; so does no value. */
    static Optional<MessageLimit> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(MessageLimit.parse(value));
        } catch (InvalidValueException unusable) {
            return Optional.empty();
        }
    }
}
